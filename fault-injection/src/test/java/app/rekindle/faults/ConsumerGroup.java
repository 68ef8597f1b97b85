package app.rekindle.faults;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The query services' consumer group (rekindle.kafka.group-id's default), seen and moved from outside. */
final class ConsumerGroup {

    static final String GROUP_ID = "rekindle-query";

    private ConsumerGroup() {}

    /** Sets every partition's committed offset back to 0: the whole topic is delivered again. The group must be empty. */
    static void rewindToStart(FaultStack stack) throws Exception {
        try (Admin admin = admin(stack)) {
            Map<TopicPartition, OffsetAndMetadata> start = ends(admin).keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(GROUP_ID, start).all().get();
        }
    }

    /** True when the group has committed the end of every partition: nothing left to deliver, nothing in doubt. */
    static boolean committedToEnd(FaultStack stack) throws Exception {
        try (Admin admin = admin(stack)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP_ID)
                    .partitionsToOffsetAndMetadata()
                    .get();
            return ends(admin).entrySet().stream()
                    .allMatch(end -> committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() == end.getValue());
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin
                .describeTopics(java.util.List.of(FaultStack.TOPIC))
                .allTopicNames()
                .get()
                .get(FaultStack.TOPIC)
                .partitions()
                .stream()
                .collect(Collectors.toMap(
                        info -> new TopicPartition(FaultStack.TOPIC, info.partition()), info -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static Admin admin(FaultStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    }
}
