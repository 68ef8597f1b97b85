package app.rekindle.query.projection;

/** What became of an operator's acceptance of a journal's missing events ({@link Parking#acceptGap}). */
public sealed interface GapAcceptance {

    /** Accepted now: the journal's position moved past the missing events; what waited may follow. */
    record Accepted(AcceptedGap gap) implements GapAcceptance {}

    /** The same sequences were accepted before; nothing changed. */
    record AcceptedBefore(AcceptedGap gap) implements GapAcceptance {}

    /** The journal's waiting events wait for other sequences than those named: {@code from..to} are missing. */
    record OtherGap(long from, long to) implements GapAcceptance {}

    /** Nothing of the journal waits for a missing event (it may wait behind a parked one, or not at all). */
    record NoGap() implements GapAcceptance {}
}
