package app.rekindle.query.analytics;

import app.rekindle.query.timeline.TimelineEntry;
import java.util.HashMap;
import java.util.Map;

/**
 * What the entries of one day add up to, by named total ("entries", "kind:CHECK_IN", "mood", "outcome:RESOLVED"
 * ...). Every analytics number is a sum of these over days, so the projection keeps them per day and per week
 * and month ({@link AnalyticsDays}) and a read adds up the periods of its range instead of reading every entry.
 * {@link #of} is the one definition of what an entry counts for.
 */
record DayTotals(Map<String, Long> totals) {

    static final DayTotals NONE = new DayTotals(Map.of());

    /** What one entry as the timeline shows it adds to its day; a retracted entry adds nothing. */
    static DayTotals of(TimelineEntry entry) {
        if (entry.retracted()) {
            return NONE;
        }
        Map<String, Long> totals = new HashMap<>();
        totals.put("entries", 1L);
        totals.put("kind:" + entry.kind(), 1L);
        if (entry.step() != null) {
            totals.put("step:" + entry.step(), 1L);
        }
        switch (entry.kind()) {
            case "CHECK_IN" -> {
                totals.put("mood", number(entry, "mood"));
                totals.put("connection", number(entry, "connection"));
            }
            case "CONVERSATION" -> {
                totals.put("conversationMinutes", number(entry, "minutes"));
                totals.put("outcome:" + text(entry, "outcome"), 1L);
                totals.put("initiatedBy:" + text(entry, "initiatedBy"), 1L);
            }
            case "PERSONAL_TIME" -> {
                totals.put("personalTimeMinutes", number(entry, "minutes"));
                totals.merge("apart:" + text(entry, "whose"), 1L, Long::sum);
                totals.merge("apartMinutes:" + text(entry, "whose"), number(entry, "minutes"), Long::sum);
            }
            case "DATE" -> {
                totals.put("date:" + text(entry, "status"), 1L);
                if (entry.fields().get("rating") != null) {
                    totals.put("rating", number(entry, "rating"));
                    totals.put("rated", 1L);
                }
            }
            default -> {
                // Other kinds count by kind and step only.
            }
        }
        return new DayTotals(totals);
    }

    long get(String name) {
        return totals.getOrDefault(name, 0L);
    }

    DayTotals plus(DayTotals other) {
        Map<String, Long> sum = new HashMap<>(totals);
        other.totals.forEach((name, value) -> sum.merge(name, value, Long::sum));
        return new DayTotals(sum);
    }

    DayTotals negated() {
        Map<String, Long> negated = new HashMap<>();
        totals.forEach((name, value) -> negated.put(name, -value));
        return new DayTotals(negated);
    }

    /**
     * The command side never logs an entry without its numbers; a row an operator repaired by hand may lack them,
     * and then adds nothing rather than failing every later event of the journal in the projection.
     */
    private static long number(TimelineEntry entry, String field) {
        return entry.fields().get(field) instanceof Number number ? number.longValue() : 0;
    }

    private static String text(TimelineEntry entry, String field) {
        return String.valueOf(entry.fields().get(field));
    }
}
