-- An entry id is unique within its journal only: a batch's sender chooses its entries' ids and the command side
-- checks them against that journal alone (refusing an id taken elsewhere would tell the sender that someone
-- else's entry exists). Every table that keeps entries is therefore keyed by (journal_id, entry_id); keyed by
-- entry_id alone, another journal's entry under the same id could not be projected and stopped its journal.
alter table timeline_entry_revision drop constraint timeline_entry_revision_entry_id_fkey;
alter table timeline_entry_version drop constraint timeline_entry_version_entry_id_fkey;

alter table timeline_entry
    drop constraint timeline_entry_pkey,
    add primary key (journal_id, entry_id);

-- The revisions get the journal they belong to (entry ids were unique until now, so the join finds one row).
alter table timeline_entry_revision add column journal_id uuid;
update timeline_entry_revision r set journal_id = e.journal_id from timeline_entry e where e.entry_id = r.entry_id;
alter table timeline_entry_revision
    alter column journal_id set not null,
    drop constraint timeline_entry_revision_pkey,
    add primary key (journal_id, entry_id, revision),
    add foreign key (journal_id, entry_id) references timeline_entry (journal_id, entry_id) on delete cascade;

alter table timeline_entry_version
    drop constraint timeline_entry_version_pkey,
    add primary key (journal_id, entry_id, valid_from),
    add foreign key (journal_id, entry_id) references timeline_entry (journal_id, entry_id) on delete cascade;

alter table step_entry
    drop constraint step_entry_pkey,
    add primary key (journal_id, entry_id);

alter table on_this_day_entry
    drop constraint on_this_day_entry_pkey,
    add primary key (journal_id, entry_id);
