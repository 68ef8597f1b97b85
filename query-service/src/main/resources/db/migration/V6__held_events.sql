-- Issue #5: an event that cannot be applied is parked here with its reason, and the later events of its journal
-- wait here behind it, in sequence order; so do the events beyond a missing sequence number until it arrives.
-- The record is kept as it came from Kafka (key, value, CloudEvents headers) so it can be applied later; rows of
-- an erased journal are deleted with its views.
alter table dead_letter
    add column status         text not null default 'PARKED',
    add column record_key     text,
    add column record_value   bytea,
    add column record_headers jsonb,
    add column resolved_at    timestamptz,
    add column resolved_by    text,
    add column skip_reason    text,
    add constraint dead_letter_status check (status in
        ('PARKED', 'WAITING_BEHIND', 'WAITING_FOR_GAP', 'APPLIED', 'DUPLICATE', 'SKIPPED'));

-- One waiting copy per sequence number: a redelivered event joins the queue once.
create unique index dead_letter_waiting on dead_letter (journal_id, sequence)
    where status in ('PARKED', 'WAITING_BEHIND', 'WAITING_FOR_GAP') and sequence is not null;

-- held: events of the journal parked or waiting (not applied yet); blocked_by says why they wait;
-- skipped: events an operator skipped, which the views therefore lack (the journal stays stale).
alter table journal_position
    add column held       int  not null default 0,
    add column blocked_by text check (blocked_by in ('POISON', 'GAP')),
    add column skipped    int  not null default 0;

alter table projection_gap add column filled_at timestamptz;
