-- What each day's entries add up to (analytics DayTotals), per journal, in the journal's own time zone:
-- kept by the projection as entries are logged, amended, resolved and retracted, so analytics adds up the
-- days of a range instead of reading every entry. Empty for journals projected before this migration
-- until a rebuild (POST /admin/rebuild) replays them.
create table analytics_day_total (
    journal_id uuid   not null,
    day        date   not null,
    total      text   not null,
    value      bigint not null,
    primary key (journal_id, day, total)
);
