create table step_progress (
    journal_id         uuid        not null,
    step               text        not null,
    number             int         not null,
    status             text        not null,
    started_at         timestamptz,
    completed_at       timestamptz,
    summary            text,
    reopened_count     int         not null default 0,
    last_reopen_reason text,
    entry_count        int         not null default 0,
    last_entry_at      timestamptz,
    primary key (journal_id, step)
);

-- The progress slice's own record of which step each entry counts for, so retractions and moved
-- entries can be recounted without reading another slice's tables.
create table step_entry (
    entry_id    uuid primary key,
    journal_id  uuid        not null,
    step        text        not null,
    kind        text        not null,
    occurred_at timestamptz not null,
    retracted   boolean     not null default false
);
create index step_entry_journal on step_entry (journal_id, step);
