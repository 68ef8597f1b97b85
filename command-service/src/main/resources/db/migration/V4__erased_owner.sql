-- The token subjects whose account was deleted, and when: their journals are erased, and a token they still hold
-- (an access token outlives the account by up to its lifetime) opens and imports no new journal. A subject never
-- comes back, so a row is never deleted. Owned by the erasure package.
create table erased_owner (
    owner_id  text        primary key,
    erased_at timestamptz not null
);
