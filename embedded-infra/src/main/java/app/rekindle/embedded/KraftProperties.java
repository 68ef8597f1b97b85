package app.rekindle.embedded;

import java.nio.file.Path;
import java.util.Properties;

/** Configuration of a single-node KRaft server that is its own controller. */
final class KraftProperties {

    private static final String NODE_ID = "1";

    private KraftProperties() {}

    static Properties singleNode(Path logDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", NODE_ID);
        // Static voters rather than a dynamic quorum: the voter's address then lives in this
        // configuration, not in the metadata log, so a restart on another random port still works.
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());

        // One node: the internal topics cannot have more replicas than that.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than the production defaults (50) keep the first consumer
        // group and the first transaction fast on a small machine.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        // Nobody else is joining: do not hold the first rebalance back.
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }
}
