package app.rekindle.benchmark.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves the command service's Kafka publisher past a block of the event store, so that events written there
 * behind its back are never published by it (they go to Kafka from the benchmark, in the publisher's record
 * format). The publisher is Axon's tracking processor {@code kafka-publisher}; its position is a
 * {@code GapAwareTrackingToken} stored as JSON in {@code token_entry}. Once it has published everything stored
 * before the block (so it is idle and skips nothing), the token's index is set to the block's last index (its gaps
 * kept) and the claim is handed to another owner in the same update: the running processor can neither extend its
 * claim nor store the position it holds in memory, so it lets the segment go, and claims it again once that claim
 * has timed out (Axon's claim timeout, 10 s), reading the moved token. (A claim merely dropped, owner null, is not
 * enough: storing a token claims an unowned segment, and would write the old position back.)
 */
final class PublisherToken {

    private static final String PROCESSOR = "kafka-publisher";
    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The owner the claim is handed to; never a processor's (Axon names those pid@host). */
    private static final String HANDED_OVER = "rekindle-benchmark-fill";

    private PublisherToken() {}

    /**
     * Waits until the publisher has passed every event stored before {@code firstIndex} (the fill must not make it
     * skip any of those), then moves it to {@code lastIndex} and waits until it has claimed its token again.
     */
    static void movePast(Connection events, long firstIndex, long lastIndex, Duration atMost) throws Exception {
        awaitPublished(events, firstIndex - 1, atMost);
        events.setAutoCommit(false);
        try (PreparedStatement select = events.prepareStatement("""
                        select segment, token, token_type from events.token_entry where processor_name = ?
                        for update""");
                PreparedStatement update = events.prepareStatement("""
                        update events.token_entry set token = ?, owner = ?, timestamp = ?
                        where processor_name = ? and segment = ?""")) {
            select.setString(1, PROCESSOR);
            int segments = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (!GAP_AWARE.equals(rs.getString(3))) {
                        throw new IllegalStateException("The publisher's token is a " + rs.getString(3) + ", not a "
                                + GAP_AWARE + ": the preload cannot move it");
                    }
                    ObjectNode token = (ObjectNode) JSON.readTree(rs.getBytes(2));
                    if (token.path("index").asLong() > lastIndex) {
                        throw new IllegalStateException("The publisher is already past the preload's block");
                    }
                    token.put("index", lastIndex);
                    update.setBytes(1, JSON.writeValueAsBytes(token));
                    update.setString(2, HANDED_OVER);
                    update.setString(3, EventStoreCopy.TIME_STAMP.format(Instant.now()));
                    update.setString(4, PROCESSOR);
                    update.setInt(5, rs.getInt(1));
                    update.executeUpdate();
                    segments++;
                }
            }
            if (segments == 0) {
                throw new IllegalStateException("The publisher has stored no token yet");
            }
            events.commit();
        } catch (SQLException | RuntimeException e) {
            events.rollback();
            throw e;
        } finally {
            events.setAutoCommit(true);
        }
        awaitClaimed(events, atMost);
    }

    private static void awaitPublished(Connection events, long index, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        try (PreparedStatement tokens =
                events.prepareStatement("select token, token_type from events.token_entry where processor_name = ?")) {
            tokens.setString(1, PROCESSOR);
            while (true) {
                boolean passed = false;
                try (ResultSet rs = tokens.executeQuery()) {
                    while (rs.next()) {
                        passed = GAP_AWARE.equals(rs.getString(2))
                                && JSON.readTree(rs.getBytes(1)).path("index").asLong() >= index;
                        if (!passed) {
                            break;
                        }
                    }
                }
                if (passed) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "The publisher did not reach global index " + index + " within " + atMost);
                }
                Thread.sleep(100);
            }
        }
    }

    private static void awaitClaimed(Connection events, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        try (PreparedStatement unclaimed = events.prepareStatement(
                "select count(*) from events.token_entry where processor_name = ? and owner is not distinct from ?")) {
            unclaimed.setString(1, PROCESSOR);
            unclaimed.setString(2, HANDED_OVER);
            while (true) {
                try (ResultSet rs = unclaimed.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The publisher did not claim its moved token within " + atMost);
                }
                Thread.sleep(100);
            }
        }
    }
}
