package app.rekindle.command.eventstore;

import app.rekindle.command.keys.CryptoProperties;
import app.rekindle.command.keys.JournalKeys;
import app.rekindle.command.keys.SealingSerializer;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * JSON (Jackson 3) for everything Axon stores: events, snapshots, tokens and messages. Readable with psql, and
 * the aggregate state classes opt in to field-based mapping so snapshots need no getters.
 */
@Configuration(proxyBeanMethods = false)
class SerializationConfig {

    @Bean
    RevisionResolver revisionResolver() {
        return new JournalEventRevisions();
    }

    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(RevisionResolver revisionResolver, JournalKeys keys, CryptoProperties crypto) {
        // Free text is sealed on the way into the store; the publisher forwards those bytes to Kafka.
        return new SealingSerializer(jackson(revisionResolver), keys, crypto.enabled());
    }

    private static Serializer jackson(RevisionResolver revisionResolver) {
        // Lenient: a snapshot or event written by a newer build with an extra field still loads.
        return Jackson3Serializer.builder()
                .revisionResolver(revisionResolver)
                .lenientDeserialization()
                .build();
    }
}
