package app.rekindle.faults;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A service's output across its restarts, kept in memory: tests look for log lines in it, and a failing test
 * prints its tail.
 */
final class ServiceLog {

    private final String name;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    ServiceLog(String name) {
        this.name = name;
    }

    PrintStream stream() {
        return stream;
    }

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Where the log is now, so that a test can look only at what comes after. */
    int mark() {
        return text().length();
    }

    String since(int mark) {
        return text().substring(mark);
    }

    void printTail(int lines) {
        String[] all = text().split("\n");
        System.out.println("---- last " + lines + " lines of the " + name + " service");
        Arrays.stream(all, Math.max(0, all.length - lines), all.length).forEach(System.out::println);
    }
}
