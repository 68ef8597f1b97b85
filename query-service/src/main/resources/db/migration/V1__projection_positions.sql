-- The last sequence applied per journal, written in the same transaction as the view change: this is
-- what makes at-least-once delivery exactly-once in effect.
create table journal_position (
    journal_id    uuid primary key,
    last_sequence bigint      not null,
    stale         boolean     not null default false,
    erased        boolean     not null default false,
    updated_at    timestamptz not null
);

-- A sequence number jumped: the event was not applied and the journal is stale until it is rebuilt.
create table projection_gap (
    id                bigserial primary key,
    journal_id        uuid        not null,
    expected_sequence bigint      not null,
    received_sequence bigint      not null,
    detected_at       timestamptz not null
);
create index projection_gap_journal on projection_gap (journal_id);

-- Records that could not be read or applied. No payload is kept: it may hold free text.
create table dead_letter (
    id          bigserial primary key,
    topic       text        not null,
    partition   int         not null,
    "offset"    bigint      not null,
    journal_id  uuid,
    sequence    bigint,
    type        text,
    reason      text        not null,
    received_at timestamptz not null
);
