package app.rekindle.command.journal;

import app.rekindle.events.Step;
import java.util.UUID;

/**
 * A command the journal's rules refuse. Each rejection names a stable problem type and a category that the
 * web layer turns into a status; the detail never repeats free text from the request. Sealed: every rejection is
 * one of the classes below.
 */
public abstract sealed class JournalRejection extends RuntimeException {

    public enum Category {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        NOT_READY
    }

    private final Category category;
    private final String problemType;
    private final String title;

    protected JournalRejection(Category category, String problemType, String title, String detail) {
        super(detail, null, false, false);
        this.category = category;
        this.problemType = problemType;
        this.title = title;
    }

    public Category category() {
        return category;
    }

    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }

    /** A field breaks a field rule (required, length, range, time). Names the field and the rule, never the value. */
    public static final class InvalidField extends JournalRejection {

        private final String field;
        private final String rule;

        public InvalidField(String field, String rule, String message) {
            super(Category.INVALID, "invalid-request", "The request is not valid", message);
            this.field = field;
            this.rule = rule;
        }

        public String field() {
            return field;
        }

        public String rule() {
            return rule;
        }
    }

    /** Missing, erased, or someone else's journal: all answer the same, so nothing leaks. */
    public static final class JournalNotFound extends JournalRejection {

        public JournalNotFound() {
            super(
                    Category.NOT_FOUND,
                    "journal-not-found",
                    "Journal not found",
                    "There is no journal with this id for you.");
        }
    }

    /** The client based its command on a version of the journal that is no longer the current one (If-Match). */
    public static final class StaleVersion extends JournalRejection {

        public StaleVersion() {
            super(
                    Category.CONFLICT,
                    "version-conflict",
                    "Version conflict",
                    "The journal is not at the version named in If-Match; read it again and retry.");
        }
    }

    /** A closed journal takes no new entries or step changes. */
    public static final class JournalAlreadyClosed extends JournalRejection {

        public JournalAlreadyClosed() {
            super(
                    Category.CONFLICT,
                    "journal-closed",
                    "Journal closed",
                    "This journal is closed and takes no more entries or changes.");
        }
    }

    /** An entry id is used once per journal. */
    public static final class EntryAlreadyExists extends JournalRejection {

        public EntryAlreadyExists(UUID entryId) {
            super(
                    Category.CONFLICT,
                    "entry-already-exists",
                    "Entry already exists",
                    "This journal already has an entry with id " + entryId + ".");
        }
    }

    /** The journal has no such entry (or no such date). */
    public static final class EntryNotFound extends JournalRejection {

        public EntryNotFound(String what, UUID entryId) {
            super(
                    Category.NOT_FOUND,
                    "entry-not-found",
                    "Entry not found",
                    "This journal has no " + what + " with id " + entryId + ".");
        }
    }

    /** A retracted entry cannot be amended, retracted again or resolved. */
    public static final class EntryAlreadyRetracted extends JournalRejection {

        public EntryAlreadyRetracted(UUID entryId) {
            super(
                    Category.CONFLICT,
                    "entry-retracted",
                    "Entry retracted",
                    "Entry " + entryId + " was retracted and takes no more changes.");
        }
    }

    /** A date happens or is cancelled once. */
    public static final class DateAlreadyResolved extends JournalRejection {

        public DateAlreadyResolved(UUID dateId) {
            super(
                    Category.CONFLICT,
                    "date-already-resolved",
                    "Date already resolved",
                    "Date " + dateId + " already happened or was cancelled.");
        }
    }

    /** Only a step that was never started can be started. */
    public static final class StepAlreadyStarted extends JournalRejection {

        public StepAlreadyStarted(Step step, String status) {
            super(
                    Category.CONFLICT,
                    "step-already-started",
                    "Step already started",
                    "Step " + step.slug() + " is already " + status + ".");
        }
    }

    /** Completing needs a step in progress. */
    public static final class StepNotStarted extends JournalRejection {

        public StepNotStarted(Step step) {
            super(
                    Category.CONFLICT,
                    "step-not-started",
                    "Step not started",
                    "Step " + step.slug() + " has not been started.");
        }
    }

    /** A completed step must be reopened before it can be completed again. */
    public static final class StepAlreadyCompleted extends JournalRejection {

        public StepAlreadyCompleted(Step step) {
            super(
                    Category.CONFLICT,
                    "step-already-completed",
                    "Step already completed",
                    "Step " + step.slug() + " is already completed.");
        }
    }

    /** Completing a step needs at least one entry of that step that was not retracted. */
    public static final class StepNotReady extends JournalRejection {

        public StepNotReady(Step step) {
            super(
                    Category.NOT_READY,
                    "step-not-ready",
                    "Step not ready",
                    "Step " + step.slug() + " has nothing logged yet; log something for it before completing it.");
        }
    }

    /** Only a completed step can be reopened. */
    public static final class StepNotCompleted extends JournalRejection {

        public StepNotCompleted(Step step) {
            super(
                    Category.CONFLICT,
                    "step-not-completed",
                    "Step not completed",
                    "Step " + step.slug() + " is not completed, so it cannot be reopened.");
        }
    }

    /** An item of a batch broke one of the rules above: the same rejection, naming the item by its index. */
    public static final class ItemRejected extends JournalRejection {

        private final int item;
        private final JournalRejection rejection;

        public ItemRejected(int item, JournalRejection rejection) {
            super(
                    rejection.category(),
                    rejection.problemType(),
                    rejection.title(),
                    "items[" + item + "]: " + rejection.getMessage());
            this.item = item;
            this.rejection = rejection;
        }

        public int item() {
            return item;
        }

        public JournalRejection rejection() {
            return rejection;
        }
    }
}
