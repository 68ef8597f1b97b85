-- Each entry's day in its journal's time zone, indexed by day of the month, so on-this-day reads the
-- entries of the matching days instead of every entry. Kept by the projection as entries are logged,
-- moved and retracted; empty for journals projected before this migration until a rebuild replays them.
create table on_this_day_entry (
    entry_id     uuid    primary key,
    journal_id   uuid    not null,
    day          date    not null,
    day_of_month int     not null,
    retracted    boolean not null
);
create index on_this_day_entry_day on on_this_day_entry (journal_id, day_of_month, day);
