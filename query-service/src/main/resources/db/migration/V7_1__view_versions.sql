-- Every state each timeline entry and each step has held, with the journal versions (sequences) it held
-- for: from valid_from (the event that made it) up to, not including, valid_to (the event that replaced
-- it; null while it is current). The projections write them beside the live rows, so "as of" a past
-- instant reads rows the live views' own rules wrote instead of replaying events by a second set of rules.
create table timeline_entry_version (
    entry_id          uuid        not null references timeline_entry (entry_id) on delete cascade,
    journal_id        uuid        not null,
    kind              text        not null,
    step              text,
    occurred_at       timestamptz not null,
    recorded_at       timestamptz not null,
    fields            jsonb       not null,
    retracted         boolean     not null,
    retracted_at      timestamptz,
    retraction_reason text,
    revision          int         not null,
    search_text       text        not null,
    valid_from        bigint      not null,
    valid_to          bigint,
    primary key (entry_id, valid_from)
);
-- the as-of page: newest first, like timeline_entry_page, skipping versions not valid at the sequence
create index timeline_entry_version_page on timeline_entry_version (journal_id, occurred_at desc, entry_id desc);

create table step_progress_version (
    journal_id         uuid        not null,
    step               text        not null,
    number             int         not null,
    status             text        not null,
    started_at         timestamptz,
    completed_at       timestamptz,
    summary            text,
    reopened_count     int         not null,
    last_reopen_reason text,
    entry_count        int         not null,
    last_entry_at      timestamptz,
    valid_from         bigint      not null,
    valid_to           bigint,
    primary key (journal_id, step, valid_from)
);

-- The order entries were logged in (exports and nudges list entries in it).
alter table timeline_entry add column logged_sequence bigint;
update timeline_entry e set logged_sequence = r.sequence
from timeline_entry_revision r where r.entry_id = e.entry_id and r.revision = 1;

-- Rows written before this migration bring no history: each is recorded as holding in its current state
-- since the entry was logged (steps: since the journal opened) until a rebuild (POST /admin/rebuild)
-- replays the journals and writes every state they held.
insert into timeline_entry_version (entry_id, journal_id, kind, step, occurred_at, recorded_at, fields, retracted,
                                    retracted_at, retraction_reason, revision, search_text, valid_from)
select e.entry_id, e.journal_id, e.kind, e.step, e.occurred_at, e.recorded_at, e.fields, e.retracted, e.retracted_at,
       e.retraction_reason, e.revision, e.search_text, coalesce(e.logged_sequence, 0)
from timeline_entry e;
insert into step_progress_version (journal_id, step, number, status, started_at, completed_at, summary,
                                   reopened_count, last_reopen_reason, entry_count, last_entry_at, valid_from)
select journal_id, step, number, status, started_at, completed_at, summary, reopened_count, last_reopen_reason,
       entry_count, last_entry_at, 0
from step_progress;

-- nudges: a journal's entries of one kind by moment (last conversation, recent personal time, open dates)
create index timeline_entry_kind on timeline_entry (journal_id, kind, occurred_at);
