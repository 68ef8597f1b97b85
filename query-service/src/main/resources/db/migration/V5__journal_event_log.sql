-- Every event of every journal, in sequence order, written in the same transaction as the other views.
-- It is what the history, as-of replay, live stream and export read. The payload is kept as the JSON text
-- the event was read as (json, not jsonb, so nothing is reordered); erasing a journal deletes its rows.
create table journal_event (
    journal_id     uuid        not null,
    sequence       bigint      not null,
    event_id       text        not null,
    type           text        not null,
    schema_version int         not null,
    occurred_at    timestamptz not null,
    recorded_at    timestamptz not null,
    payload        json        not null,
    primary key (journal_id, sequence)
);
-- as-of: the last sequence recorded at or before an instant
create index journal_event_recorded on journal_event (journal_id, recorded_at, sequence);
