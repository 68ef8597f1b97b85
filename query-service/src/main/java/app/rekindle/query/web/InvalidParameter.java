package app.rekindle.query.web;

/** A query parameter that parsed but breaks a rule (range, format of an opaque value, combination). */
public class InvalidParameter extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidParameter(String field, String rule, String message) {
        super(message);
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
