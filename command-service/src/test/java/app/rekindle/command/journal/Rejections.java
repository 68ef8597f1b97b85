package app.rekindle.command.journal;

import app.rekindle.command.journal.JournalRejection.InvalidField;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers that say which field rule rejected a command, so a test cannot pass for the wrong reason. */
final class Rejections {

    private Rejections() {}

    static Matcher<InvalidField> invalid(String field, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidField e) {
                return e.field().equals(field) && e.rule().equals(rule);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidField(" + field + ", " + rule + ")");
            }

            @Override
            protected void describeMismatchSafely(InvalidField e, Description description) {
                description.appendText("was InvalidField(" + e.field() + ", " + e.rule() + ")");
            }
        };
    }
}
