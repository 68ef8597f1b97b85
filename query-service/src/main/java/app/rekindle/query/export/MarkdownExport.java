package app.rekindle.query.export;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.JournalOpened;
import app.rekindle.query.journals.JournalCalendars.Calendar;
import app.rekindle.query.progress.StepProgress;
import app.rekindle.query.timeline.TimelineEntry;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The journal as a person would read it: oldest first, one heading per day in the journal's time zone. */
final class MarkdownExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private MarkdownExport() {}

    static String of(JournalEvent first, Calendar journal, List<TimelineEntry> entries, List<StepProgress> steps) {
        StringBuilder md = new StringBuilder();
        if (first instanceof JournalOpened opened) {
            md.append("# Journal with ")
                    .append(MarkdownText.escape(opened.partnerName()))
                    .append("\n\n")
                    .append("> ")
                    .append(MarkdownText.escape(opened.intention()))
                    .append("\n\n")
                    .append("Opened ")
                    .append(journal.openedAt().atZone(journal.zone()).toLocalDate())
                    .append(" · time zone ")
                    .append(journal.zone())
                    .append("\n\n");
        }
        md.append("## Progress\n\n");
        for (StepProgress step : steps) {
            md.append("- ")
                    .append(step.number())
                    .append(". ")
                    .append(step.step())
                    .append(": ")
                    .append(step.status().toLowerCase().replace('_', ' '))
                    .append(" (")
                    .append(step.entryCount())
                    .append(step.entryCount() == 1 ? " entry)" : " entries)")
                    .append('\n');
        }
        LocalDate day = null;
        for (TimelineEntry entry : entries.stream()
                .filter(e -> !e.retracted())
                .sorted(Comparator.comparing(TimelineEntry::occurredAt))
                .toList()) {
            ZonedDateTime at = entry.occurredAt().atZone(journal.zone());
            if (!at.toLocalDate().equals(day)) {
                day = at.toLocalDate();
                md.append("\n## ").append(day).append("\n\n");
            }
            md.append("- **")
                    .append(TIME.format(at))
                    .append(" ")
                    .append(label(entry.kind()))
                    .append("**")
                    .append(entry.revision() > 1 ? " _(amended)_" : "")
                    .append(" — ")
                    .append(details(entry.fields()))
                    .append('\n');
        }
        return md.toString();
    }

    private static String label(String kind) {
        String words = kind.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The entry's own words and values, without the times the heading already gives; people's text made inert. */
    private static String details(Map<String, Object> fields) {
        return fields.entrySet().stream()
                .filter(f -> f.getValue() != null && !f.getKey().equals("occurredAt"))
                .map(f -> f.getKey() + ": " + MarkdownText.escape(Objects.toString(f.getValue())))
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }
}
