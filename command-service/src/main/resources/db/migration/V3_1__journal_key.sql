-- Each journal's data key, wrapped by the master key (never stored here). Erasure sets wrapped_key to null:
-- the free text sealed with it, in the event store, on Kafka and in backups taken afterwards, is then noise.
create table journal_key (
    journal_id   uuid        primary key,
    key_id       text        not null,
    wrapped_key  text,
    created_at   timestamptz not null,
    destroyed_at timestamptz,
    constraint journal_key_destroyed check ((wrapped_key is null) = (destroyed_at is not null))
);
