-- Events the publisher could not put on Kafka because Kafka refused them for good (record too large, invalid),
-- and every later event of the same journal, parked behind them in sequence order so the journal's order on the
-- topic is never broken while other journals flow on. Written in the same transaction as the publisher's token.
-- The event itself stays in domain_event_entry; a retry reads it from there. Owned by the publishing package.
create table parked_event (
    journal_id  uuid         not null,
    sequence    bigint       not null,
    event_id    varchar(255) not null,
    type        text         not null,
    -- PARKED (waiting for an operator), PUBLISHED (a retry put it on Kafka) or SKIPPED (an operator dropped it)
    status      text         not null,
    -- why Kafka refused it (the exception class), or null for an event that only waits behind an earlier one
    reason      text,
    parked_at   timestamptz  not null,
    resolved_at timestamptz,
    resolved_by text,
    skip_reason text,
    primary key (journal_id, sequence),
    constraint parked_event_status check (status in ('PARKED', 'PUBLISHED', 'SKIPPED'))
);

create index parked_event_waiting on parked_event (journal_id, sequence) where status = 'PARKED';
