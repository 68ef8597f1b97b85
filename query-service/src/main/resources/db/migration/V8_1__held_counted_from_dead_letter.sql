-- Issue #15: how many of a journal's events are parked or wait is counted from dead_letter, the table that holds
-- them, when the projection locks the journal's position; a second count kept here could drift from it.
alter table journal_position drop column held;
