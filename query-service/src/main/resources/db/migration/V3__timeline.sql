create table timeline_entry (
    entry_id          uuid primary key,
    journal_id        uuid        not null,
    kind              text        not null,
    step              text,
    occurred_at       timestamptz not null,
    recorded_at       timestamptz not null,
    fields            jsonb       not null,
    retracted         boolean     not null default false,
    retracted_at      timestamptz,
    retraction_reason text,
    revision          int         not null,
    -- lower-cased free text of the current values, for q=
    search_text       text        not null default ''
);
create index timeline_entry_page on timeline_entry (journal_id, occurred_at desc, entry_id desc);

create table timeline_entry_revision (
    entry_id    uuid        not null references timeline_entry (entry_id) on delete cascade,
    revision    int         not null,
    sequence    bigint      not null,
    recorded_at timestamptz not null,
    fields      jsonb       not null,
    changes     jsonb       not null,
    reason      text,
    primary key (entry_id, revision)
);
