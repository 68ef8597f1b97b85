package app.rekindle.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The publisher's processor settings, under the keys Axon Boot gives processors, which operators already use. Read
 * here because the processor is registered in code ({@link PublishingConfig}), not by Axon Boot.
 *
 * @param threadCount         segments one instance may claim at once
 * @param initialSegmentCount segments of the publisher, fixed when its token is first created
 */
@ConfigurationProperties("axon.eventhandling.processors.kafka-publisher")
record PublisherProcessorProperties(
        @DefaultValue("1") int threadCount,
        @DefaultValue("1") int initialSegmentCount) {}
