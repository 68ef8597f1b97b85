package app.rekindle.faults;

import static app.rekindle.faults.SharedFaultStack.INTERVAL;
import static app.rekindle.faults.SharedFaultStack.JOURNALS;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL drops both services' connections under load (pg_terminate_backend, as a failover or an
 * idle-connection killer would), three times. Requests, publishing batches and projection batches caught by it
 * fail and are retried; none is lost or recorded twice. The services are told apart by their connections'
 * application_name. (A commit failing on a terminated connection once made the query service park good events
 * as poison; it is now recognised as the database being away.)
 */
@ExtendWith(SharedFaultStack.class)
class PostgresConnectionDropTest {

    private static final int ROUNDS = 3;
    private static final String[] SERVICES = {"rekindle-command-service", "rekindle-query-service"};

    private final FaultStack stack = SharedFaultStack.get();

    @Test
    void both_services_connections_dropped_under_load_lose_and_repeat_nothing() throws Exception {
        Map<String, Integer> terminated = new TreeMap<>();
        try (Load load = Load.start(stack, "fault-pg-drop", JOURNALS, INTERVAL)) {
            long lastDrop = 0;
            for (int round = 0; round < ROUNDS; round++) {
                // Between drops, the load must get through: that is the first sign of recovery.
                load.awaitAccepted(20, Duration.ofSeconds(90));
                for (String service : SERVICES) {
                    terminated.merge(service, terminateConnectionsOf(service), Integer::sum);
                }
                lastDrop = System.nanoTime();
            }
            Duration recovery = Recovery.measure(stack, load.lastVersions(), lastDrop, Duration.ofSeconds(120));
            load.awaitAccepted(20, Duration.ofSeconds(90));
            load.stop();
            load.settle();
            Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(60));

            System.out.println("PostgreSQL connections terminated: " + terminated);
            assertThat(terminated)
                    .allSatisfy(
                            (service, count) -> assertThat(count).as(service).isPositive());
            Ledger.compare("PostgreSQL drops both services' connections x" + ROUNDS, stack, load.journals(), recovery)
                    .print()
                    .assertClean();
        }
    }

    private int terminateConnectionsOf(String applicationName) throws Exception {
        try (Connection admin = stack.connect("views");
                PreparedStatement terminate = admin.prepareStatement(
                        "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity "
                                + "where application_name = ? and pid <> pg_backend_pid()")) {
            terminate.setString(1, applicationName);
            try (ResultSet count = terminate.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }
}
