package app.rekindle.command.journal;

/** A field breaks a field rule (required, length, range, time). Names the field and the rule, never the value. */
public final class InvalidField extends JournalRejection {

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
