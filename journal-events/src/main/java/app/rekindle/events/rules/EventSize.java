package app.rekindle.events.rules;

import app.rekindle.events.privacy.FreeTextCipher;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The largest a journal event may be as a Kafka record, derived from the text limits in {@link ValueWindows}, so
 * that every event the store takes can be published: an event beyond it is refused when it is appended (one 1.2 MB
 * imported note once froze publishing for every journal). Producer and topic are configured with
 * {@link #KAFKA_LIMIT_BYTES}, a margin above it.
 *
 * <p>Worst case: the event with the most free text (an amendment of a reflection: its {@code text}, {@code myPart},
 * {@code theirPart} and {@code lesson} plus the amendment's {@code reason}, {@value #TEXTS_PER_EVENT} long texts),
 * every character one that takes {@value #UTF8_BYTES_PER_CHARACTER} bytes in UTF-8, each value sealed as the command
 * service seals free text; then a fixed allowance for the rest of the JSON and one for the record's envelope.
 */
public final class EventSize {

    /**
     * The text limits count UTF-16 units: one in U+0800–U+FFFF is 3 bytes in UTF-8, a supplementary character 4
     * bytes for 2 units. In the plain (unsealed) form, the escapes JSON needs for what the text rules let through
     * ({@code \n}, {@code \t}, {@code \"} …) are 2 bytes.
     */
    static final int UTF8_BYTES_PER_CHARACTER = 3;

    static final int TEXTS_PER_EVENT = 5;
    /**
     * The JSON of an event without its free text: property names, ids, instants, enums, numbers, the key id, the
     * time zone and the owner's token subject (at most 255 characters, as OpenID Connect has it).
     */
    static final int STRUCTURE_BYTES = 4096;
    /**
     * A record batch of its own (61 bytes), the record's varints, its key (a journal id) and the CloudEvents headers
     * including {@code ce_traceparent}.
     */
    static final int ENVELOPE_BYTES = 1024;

    /** One long text at its worst, sealed. */
    public static final int MAX_TEXT_BYTES =
            FreeTextCipher.sealedLength(ValueWindows.LONG_TEXT * UTF8_BYTES_PER_CHARACTER);
    /** The bound: no event the contract allows is larger as a record (85,355 bytes). */
    public static final int MAX_BYTES = TEXTS_PER_EVENT * MAX_TEXT_BYTES + STRUCTURE_BYTES + ENVELOPE_BYTES;
    /** Producer {@code max.request.size} and topic {@code max.message.bytes}: twice the bound. */
    public static final int KAFKA_LIMIT_BYTES = 2 * MAX_BYTES;

    /** Kafka's record batch header: base offset … record count (v2 format). */
    private static final int BATCH_OVERHEAD = 61;

    private static final int MAX_VARINT = 5;
    private static final int MAX_VARLONG = 10;

    private EventSize() {}

    /**
     * An upper bound of the bytes the record takes in a batch of its own (uncompressed v2 format: attributes,
     * timestamp and offset deltas, then length-prefixed key, value and headers), which is what producer and broker
     * compare with their limits.
     */
    public static int of(ProducerRecord<String, byte[]> record) {
        long size = BATCH_OVERHEAD + MAX_VARINT + 1 + MAX_VARLONG + MAX_VARINT;
        size += MAX_VARINT + (record.key() == null ? 0 : record.key().getBytes(StandardCharsets.UTF_8).length);
        size += MAX_VARINT + (record.value() == null ? 0 : record.value().length);
        size += MAX_VARINT;
        for (Header header : record.headers()) {
            size += MAX_VARINT
                    + header.key().getBytes(StandardCharsets.UTF_8).length
                    + MAX_VARINT
                    + (header.value() == null ? 0 : header.value().length);
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }
}
