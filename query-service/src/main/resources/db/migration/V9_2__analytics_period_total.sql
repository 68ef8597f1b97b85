-- What each week and month of a journal adds up to (analytics DayTotals summed over the period's days, in the
-- journal's own time zone, fixed at opening): one row per (journal, bucket, period start), the totals as a
-- compact jsonb object without zeros. An analytics read adds up the whole periods of its range from here and
-- only the days of a period the range cuts from analytics_day_total, so an open range costs its periods.
create table analytics_period_total (
    journal_id uuid  not null,
    bucket     text  not null,
    start      date  not null,
    totals     jsonb not null,
    primary key (journal_id, bucket, start)
);

-- Streaks: the days with at least one entry, narrow, read as runs of consecutive days (gaps and islands).
create index analytics_day_present on analytics_day_total (journal_id, day) where total = 'entries' and value > 0;

-- Journals projected before this migration: their periods from their day totals (weeks as Bucket.WEEK has
-- them: ISO, Monday first). A rebuild (POST /admin/rebuild) writes the same rows from the events.
insert into analytics_period_total (journal_id, bucket, start, totals)
select journal_id, bucket, start, jsonb_object_agg(total, value)
from (select d.journal_id, b.bucket,
             cast(date_trunc(case b.bucket when 'WEEK' then 'week' else 'month' end, cast(d.day as timestamp)) as date)
                 as start,
             d.total, sum(d.value) as value
      from analytics_day_total d cross join (values ('WEEK'), ('MONTH')) as b(bucket)
      group by 1, 2, 3, 4
      having sum(d.value) <> 0) summed
group by journal_id, bucket, start;
