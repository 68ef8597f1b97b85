package app.rekindle.faults;

import app.rekindle.faults.FaultStack.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the load is sent and the ledger reads, whoever runs the stack: the fault suite's own parts
 * ({@link FaultStack}) or a whole {@code ./rekindle run} launcher in a process of its own ({@link LauncherRun}).
 */
interface StackEndpoints {

    URI url(Service service);

    HttpClient http();

    String bootstrapServers();

    String topic();

    /** A connection to the database, in schema {@code events} or {@code views}. */
    Connection connect(String schema) throws SQLException;
}
