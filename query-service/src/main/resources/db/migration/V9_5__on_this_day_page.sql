-- On-this-day answers a page at a time, newest first, keyset-paged like the timeline: the rows carry the
-- entry's occurred_at (its day's order) and the index holds the whole paging key, so a page reads one index
-- range of limit + 1 rows however long the journal (issue #17: the whole answer grew with the journal).
alter table on_this_day_entry add column occurred_at timestamptz;

update on_this_day_entry o
set occurred_at = t.occurred_at
from timeline_entry t
where t.journal_id = o.journal_id and t.entry_id = o.entry_id;

-- A row without its timeline entry was never shown (the read fetches the entries from the timeline).
delete from on_this_day_entry where occurred_at is null;

alter table on_this_day_entry alter column occurred_at set not null;

drop index on_this_day_entry_day;
create index on_this_day_entry_page
    on on_this_day_entry (journal_id, day_of_month, day desc, occurred_at desc, entry_id desc)
    where not retracted;
