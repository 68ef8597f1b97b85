package app.rekindle.query.nudges;

import app.rekindle.query.progress.StepProgress;
import app.rekindle.query.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The nudges a journal calls for at an instant. Pure: the journal, the thresholds and "now" come in. */
final class NudgeRules {

    /**
     * What the rules look at: when the journal was opened, its entries in the order they were logged (at least
     * those a nudge can depend on) and its six steps.
     */
    record Journal(Instant openedAt, List<TimelineEntry> entries, List<StepProgress> steps) {}

    private NudgeRules() {}

    static List<Nudge> at(Instant now, Journal journal, NudgeProperties limits) {
        List<TimelineEntry> entries = journal.entries().stream()
                .filter(e -> !e.retracted())
                .filter(e -> !e.occurredAt().isAfter(now))
                .toList();
        List<Nudge> nudges = new ArrayList<>();
        Instant lastTalk = entries.stream()
                .filter(e -> e.kind().equals("CONVERSATION"))
                .map(TimelineEntry::occurredAt)
                .max(Instant::compareTo)
                .orElse(journal.openedAt());
        if (lastTalk != null && lastTalk.isBefore(now.minus(limits.conversationGap()))) {
            nudges.add(new Nudge(
                    Nudge.Kind.NO_RECENT_CONVERSATION,
                    "It has been " + days(lastTalk, now)
                            + " days since you last logged a conversation. Is there something worth talking about?",
                    "communicate-openly",
                    null,
                    lastTalk));
        }
        for (StepProgress step : journal.steps()) {
            Instant latest = Stream.of(step.startedAt(), step.lastEntryAt())
                    .filter(Objects::nonNull)
                    .filter(at -> !at.isAfter(now))
                    .max(Instant::compareTo)
                    .orElse(null);
            if (step.status().equals("IN_PROGRESS")
                    && latest != null
                    && latest.isBefore(now.minus(limits.stalledStep()))) {
                nudges.add(new Nudge(
                        Nudge.Kind.STEP_STALLED,
                        "Nothing new in " + step.step() + " for " + days(latest, now)
                                + " days. A small entry keeps it going.",
                        step.step(),
                        null,
                        latest));
            }
        }
        oneSided(now, entries, limits).ifPresent(nudges::add);
        journal.entries().stream()
                .filter(e -> !e.retracted() && e.kind().equals("DATE"))
                .filter(e -> "PLANNED".equals(e.fields().get("status"))
                        && e.occurredAt().isBefore(now))
                .forEach(date -> nudges.add(new Nudge(
                        Nudge.Kind.DATE_UNRESOLVED,
                        "A date planned for " + date.occurredAt()
                                + " is still open: did it happen, or was it called off?",
                        "rekindle-romance",
                        date.entryId(),
                        date.occurredAt())));
        return nudges;
    }

    private static Optional<Nudge> oneSided(Instant now, List<TimelineEntry> entries, NudgeProperties limits) {
        Instant since = now.minus(limits.personalTimeWindow());
        List<TimelineEntry> recent = entries.stream()
                .filter(e -> e.kind().equals("PERSONAL_TIME"))
                .filter(e -> !e.occurredAt().isBefore(since))
                .toList();
        long mine = minutes(recent, "MINE");
        long total = mine + minutes(recent, "PARTNERS");
        if (total == 0) {
            return Optional.empty();
        }
        double share = Math.max(mine, total - mine) / (double) total;
        if (share <= limits.oneSidedShare()) {
            return Optional.empty();
        }
        String who = mine * 2 > total ? "you" : "your partner";
        return Optional.of(new Nudge(
                Nudge.Kind.PERSONAL_TIME_ONE_SIDED,
                Math.round(share * 100)
                        + "% of the personal time in the last "
                        + limits.personalTimeWindow().toDays() + " days was taken by "
                        + who + ". Space works best when both have some.",
                "give-each-other-space",
                null,
                since));
    }

    private static long minutes(List<TimelineEntry> entries, String whose) {
        return entries.stream()
                .filter(e -> whose.equals(e.fields().get("whose")))
                .mapToLong(e -> ((Number) e.fields().get("minutes")).longValue())
                .sum();
    }

    private static long days(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }
}
