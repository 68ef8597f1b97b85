package app.rekindle.command.journal;

/**
 * A command the journal's rules refuse. Each rejection names a stable problem type and a category that the
 * web layer turns into a status; the detail never repeats free text from the request.
 */
public abstract class JournalRejection extends RuntimeException {

    public enum Category { INVALID, NOT_FOUND, CONFLICT, NOT_READY }

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
}
