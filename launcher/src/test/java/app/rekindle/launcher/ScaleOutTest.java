package app.rekindle.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.launcher.ServiceInstances.Instance;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two command-service instances on one event store and two query-service instances in one consumer group, with
 * load through both and one of each stopped (SIGTERM) half-way: every command is recorded once, every event is
 * applied to the views once, and the survivors take over the publisher's token and the partitions.
 */
class ScaleOutTest {

    private static final int JOURNALS = 20;
    private static final int COMMANDS_PER_JOURNAL = 10;
    private static final int PARTITIONS = 6;

    private final CommandClient client = new CommandClient();
    private final Map<String, Integer> acceptedBy = new HashMap<>();
    private final Set<String> answered = new HashSet<>();
    private int sameAnswerOnRetry;

    @Test
    void two_of_each_service_share_the_load_and_survive_losing_one_of_each(@TempDir Path dataDir) throws Exception {
        try (ServiceInstances stack = ServiceInstances.start(dataDir, "rekindle.journal-events", PARTITIONS)) {
            try {
                run(stack);
            } catch (Throwable failure) {
                stack.printOutputTails(40);
                throw failure;
            }
        }
    }

    private void run(ServiceInstances stack) throws Exception {
        List<Instance> all = stack.launch(2, 2);
        Instance command1 = all.get(0), command2 = all.get(1), query1 = all.get(2), query2 = all.get(3);
        List<Instance> commandInstances = new ArrayList<>(List.of(command1, command2));
        String token = client.token(stack.identityUrl(), "scale-out");
        String[] journals = new String[JOURNALS];
        Map<String, Double> atStop = new HashMap<>();

        for (int round = 0; round < COMMANDS_PER_JOURNAL; round++) {
            if (round == COMMANDS_PER_JOURNAL / 2) {
                awaitViewsAt(stack, round - 1);
                atStop.put("command-2 accepted", client.metric(command2.url(), "rekindle_commands_total", "accepted"));
                atStop.put("command-2 published", client.metric(command2.url(), "rekindle_events_published_total", ""));
                atStop.put("query-2 applied", client.metric(query2.url(), "rekindle_projection_applied_total", ""));
                atStop.put(
                        "query-2 duplicates", client.metric(query2.url(), "rekindle_projection_duplicates_total", ""));
                stack.terminate(command2);
                stack.terminate(query2);
                commandInstances.remove(command2);
            }
            for (int j = 0; j < JOURNALS; j++) {
                int n = round * JOURNALS + j;
                Instance target = commandInstances.get(n % commandInstances.size());
                Instance other = commandInstances.get((n + 1) % commandInstances.size());
                journals[j] = send(target, other, token, journals[j], round, n);
            }
        }
        awaitViewsAt(stack, COMMANDS_PER_JOURNAL - 1);

        Set<String> stored =
                rows(stack, "events", "select aggregate_identifier || '@' || sequence_number from domain_event_entry");
        double accepted1 = client.metric(command1.url(), "rekindle_commands_total", "accepted");
        double published1 = client.metric(command1.url(), "rekindle_events_published_total", "");
        double applied1 = client.metric(query1.url(), "rekindle_projection_applied_total", "");
        double duplicates1 = client.metric(query1.url(), "rekindle_projection_duplicates_total", "");
        long timelineEntries = count(stack, "select count(*) from timeline_entry");
        long gaps =
                count(stack, "select count(*) from projection_gap") + count(stack, "select count(*) from dead_letter");

        printTable(accepted1, published1, applied1, duplicates1, atStop, stored.size(), timelineEntries, gaps);
        int total = JOURNALS * COMMANDS_PER_JOURNAL;
        assertThat(answered).hasSize(total);
        assertThat(stored).isEqualTo(answered);
        assertThat(accepted1 + atStop.get("command-2 accepted")).isEqualTo(total);
        assertThat(applied1 + atStop.get("query-2 applied")).isEqualTo(total);
        assertThat(acceptedBy.get("command-2")).isPositive();
        assertThat(atStop.get("query-2 applied")).isPositive();
        assertThat(timelineEntries).isEqualTo((long) JOURNALS * (COMMANDS_PER_JOURNAL - 1));
        assertThat(gaps).isZero();
        assertThat(sameAnswerOnRetry).isPositive();
    }

    /** Opens the journal in round 0, then checks in; every fifth command is retried on the other instance. */
    private String send(Instance target, Instance other, String token, String journalId, int round, int n) {
        String key = UUID.randomUUID().toString();
        String path = round == 0 ? "/journals" : "/journals/" + journalId + "/check-ins";
        String body = round == 0
                ? "{\"partnerName\":\"Sam\",\"intention\":\"Again\",\"timezone\":\"UTC\"}"
                : "{\"mood\":" + (1 + n % 5) + ",\"connection\":" + (1 + round % 5) + "}";
        CommandClient.Answer answer = client.post(target.url(), path, token, key, body);
        assertThat(answer.status()).as("%s %s on %s", path, key, target.name()).isBetween(200, 201);
        assertThat(answered.add(answer.journalId() + "@" + answer.version())).isTrue();
        acceptedBy.merge(target.name(), 1, Integer::sum);
        if (n % 5 == 0) {
            // A client retrying after a lost answer may reach another instance: same answer, nothing recorded twice.
            assertThat(client.post(other.url(), path, token, key, body)).isEqualTo(answer);
            sameAnswerOnRetry++;
        }
        return answer.journalId();
    }

    private void awaitViewsAt(ServiceInstances stack, int version) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count(stack, "select count(*) from journal_position where last_sequence = " + version)
                        == JOURNALS);
    }

    private void printTable(
            double accepted1,
            double published1,
            double applied1,
            double duplicates1,
            Map<String, Double> atStop,
            int storedEvents,
            long timelineEntries,
            long gapsAndDeadLetters) {
        String row = "%-10s | %-20s | %9s | %9s | %8s | %10s%n";
        System.out.printf(
                "%nScale-out: %d journals x %d commands, alternating instances; one of each stopped "
                        + "(SIGTERM) after round %d%n",
                JOURNALS, COMMANDS_PER_JOURNAL, COMMANDS_PER_JOURNAL / 2);
        System.out.printf(row, "instance", "stopped", "accepted", "published", "applied", "duplicates");
        System.out.printf(row, "command-1", "-", (long) accepted1, (long) published1, "", "");
        System.out.printf(
                row,
                "command-2",
                "after 100 commands",
                atStop.get("command-2 accepted").longValue(),
                atStop.get("command-2 published").longValue(),
                "",
                "");
        System.out.printf(row, "query-1", "-", "", "", (long) applied1, (long) duplicates1);
        System.out.printf(
                row,
                "query-2",
                "after 100 commands",
                "",
                "",
                atStop.get("query-2 applied").longValue(),
                atStop.get("query-2 duplicates").longValue());
        System.out.printf(
                "accepted answers %d (distinct journal@version), event store rows %d, idempotent retries "
                        + "answered alike %d, timeline entries %d, gaps + dead letters %d%n%n",
                answered.size(), storedEvents, sameAnswerOnRetry, timelineEntries, gapsAndDeadLetters);
    }

    private static long count(ServiceInstances stack, String sql) throws Exception {
        return Long.parseLong(rows(stack, "views", sql).iterator().next());
    }

    private static Set<String> rows(ServiceInstances stack, String schema, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        stack.jdbcUrl(schema), stack.databaseUsername(), stack.databasePassword());
                ResultSet rs = connection.createStatement().executeQuery(sql)) {
            Set<String> values = new HashSet<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
