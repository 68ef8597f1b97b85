package app.rekindle.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The records of the run the live query service could not read and parked (its dead letters). Each section's load
 * is meant to be what a client or the publisher would send; a record parked unread is in no view and in no
 * figure, and makes the query service spend its time on the dead-letter path instead. (The publisher section's
 * backlog did so, unnoticed, from the day free text was sealed until session 14.)
 */
final class UnreadRecords {

    private UnreadRecords() {}

    /** Adds an error to the report, so the run fails, if the query service parked any record unread. */
    static void check(Testbed bed, Report report) throws SQLException {
        try (Connection views = bed.connect("views");
                Statement select = views.createStatement();
                ResultSet rs = select.executeQuery("""
                        select count(*), coalesce(string_agg(distinct reason, ', '), '')
                        from dead_letter where status = 'PARKED'""")) {
            rs.next();
            long parked = rs.getLong(1);
            if (parked > 0) {
                report.errors()
                        .add("the query service parked " + parked + " of the run's records unread (" + rs.getString(2)
                                + "; see services.log): some load was not what its section measured");
            }
        }
    }
}
