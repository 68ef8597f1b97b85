package app.rekindle.benchmark.scale;

import app.rekindle.benchmark.Testbed;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's write-ahead log so far, cluster-wide: bytes written, full-page images among them, and checkpoints
 * begun. A phase's difference tells whether a command cost more at one store size because each commit wrote more
 * log (after a checkpoint, the first change to each page logs the whole 8 KiB page) or because a checkpoint was
 * flushing the fill's pages meanwhile. The statistics lag the work by up to half a second (PostgreSQL 14's
 * collector), a few commands of a phase of thousands.
 */
record WalActivity(long bytes, long fullPageImages, long checkpoints) {

    static WalActivity now(Testbed bed) throws SQLException {
        try (Connection connection = bed.connect("events");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        select w.wal_bytes, w.wal_fpi, b.checkpoints_timed + b.checkpoints_req
                        from pg_stat_wal w, pg_stat_bgwriter b""")) {
            row.next();
            return new WalActivity(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }

    WalActivity since(WalActivity before) {
        return new WalActivity(
                bytes - before.bytes, fullPageImages - before.fullPageImages, checkpoints - before.checkpoints);
    }
}
