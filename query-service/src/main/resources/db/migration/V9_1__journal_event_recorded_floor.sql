-- as-of: the last sequence recorded at or before an instant, as one index probe. recorded_at does not always
-- rise with the sequence (clocks), so "recorded_at <= :at order by sequence desc" walked back over every event
-- recorded after the instant. recorded_floor is the earliest recorded_at of this event and every later one of
-- its journal: it never falls along the sequence, and the last sequence recorded by an instant is the last
-- one whose floor is at or before it. Existing rows get their floors here; the projection keeps them after.
alter table journal_event add column recorded_floor timestamptz;
update journal_event e
set recorded_floor = f.floor
from (select journal_id, sequence,
             min(recorded_at) over (partition by journal_id order by sequence desc) as floor
      from journal_event) f
where e.journal_id = f.journal_id and e.sequence = f.sequence;
alter table journal_event alter column recorded_floor set not null;
create index journal_event_recorded_floor on journal_event (journal_id, recorded_floor, sequence);
