package app.rekindle.support.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample out of the Prometheus text format: sum of the series of a name whose labels include all given. */
public final class Prometheus {

    private final String scrape;

    public Prometheus(String scrape) {
        this.scrape = scrape;
    }

    public double value(String name, String... labels) {
        double sum = 0;
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$")
                .matcher(scrape);
        while (line.find()) {
            String series = line.group(1) == null ? "" : line.group(1);
            boolean matches = true;
            for (String label : labels) {
                matches &= series.contains(label);
            }
            if (matches) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    /** How many series of the name have all the given labels. */
    public long series(String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$")
                .matcher(scrape);
        long count = 0;
        while (line.find()) {
            String series = line.group(1) == null ? "" : line.group(1);
            if (java.util.Arrays.stream(labels).allMatch(series::contains)) {
                count++;
            }
        }
        return count;
    }

    public boolean has(String name) {
        return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]")
                .matcher(scrape)
                .find();
    }
}
