create table journal_view (
    journal_id      uuid primary key,
    owner_id        text        not null,
    partner_name    text,
    intention       text,
    timezone        text,
    status          text        not null,
    closure_outcome text,
    closure_note    text,
    closed_at       timestamptz,
    opened_at       timestamptz not null,
    version         bigint      not null,
    entry_count     int         not null default 0,
    last_entry_at   timestamptz
);
create index journal_view_owner on journal_view (owner_id, opened_at desc);
