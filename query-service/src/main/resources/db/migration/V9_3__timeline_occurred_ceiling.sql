-- timeline?asOf: the latest moment any entry had occurred at, as of each version of the journal (the largest
-- occurred_at among the versions valid from it or earlier). It never falls, so one probe finds it for a
-- version, and the as-of page starts its newest-first walk there instead of skipping every version created
-- after the instant. The projection adds a row when a version raises it; existing journals get theirs here.
create table timeline_occurred_ceiling (
    journal_id uuid        not null,
    valid_from bigint      not null,
    ceiling    timestamptz not null,
    primary key (journal_id, valid_from)
);
insert into timeline_occurred_ceiling (journal_id, valid_from, ceiling)
select journal_id, valid_from, max(latest) over (partition by journal_id order by valid_from)
from (select journal_id, valid_from, max(occurred_at) as latest
      from timeline_entry_version group by journal_id, valid_from) per_version;
