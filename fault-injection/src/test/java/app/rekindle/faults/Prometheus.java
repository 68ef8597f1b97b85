package app.rekindle.faults;

import app.rekindle.faults.FaultStack.Service;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One metric, summed over its series, from a service's /actuator/prometheus. */
final class Prometheus {

    private Prometheus() {}

    static double sum(FaultStack stack, Service service, String metric) throws Exception {
        String scrape = stack.http()
                .send(
                        HttpRequest.newBuilder(stack.url(service).resolve("/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher series = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*})? (\\S+)$")
                .matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (series.find()) {
            sum += Double.parseDouble(series.group(2));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException(metric + " is not on the " + service + " service's /actuator/prometheus");
        }
        return sum;
    }
}
