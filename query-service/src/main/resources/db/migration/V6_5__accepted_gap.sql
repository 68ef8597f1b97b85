-- Issue #14: missing events of a journal an operator accepted as lost for good (e.g. an event the command side's
-- publisher could never publish and an operator skipped there). The journal's position moved past them in the
-- same transaction, the journal stays stale, and a repeat of the same acceptance finds this row and changes
-- nothing. Coordinates and the operator's reason only, never a payload.
create table accepted_gap (
    journal_id    uuid        not null,
    from_sequence bigint      not null,
    to_sequence   bigint      not null,
    reason        text        not null,
    accepted_by   text        not null,
    accepted_at   timestamptz not null,
    primary key (journal_id, from_sequence)
);
