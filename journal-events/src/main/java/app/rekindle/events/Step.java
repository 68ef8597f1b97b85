package app.rekindle.events;

import java.util.Arrays;
import java.util.Optional;

/** The six steps of the program, in the order people usually take them. The slug is the stable, public name. */
public enum Step {
    REFLECT_ON_THE_PAST(1, "reflect-on-the-past"),
    COMMUNICATE_OPENLY(2, "communicate-openly"),
    SHOW_GENUINE_INTEREST(3, "show-genuine-interest"),
    REKINDLE_ROMANCE(4, "rekindle-romance"),
    REIGNITE_FRIENDSHIP(5, "reignite-friendship"),
    GIVE_EACH_OTHER_SPACE(6, "give-each-other-space");

    private final int number;
    private final String slug;

    Step(int number, String slug) {
        this.number = number;
        this.slug = slug;
    }

    public int number() {
        return number;
    }

    public String slug() {
        return slug;
    }

    public static Optional<Step> fromSlug(String slug) {
        return Arrays.stream(values()).filter(step -> step.slug.equals(slug)).findFirst();
    }
}
