package app.rekindle.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.function.Function;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What the publisher's processor is registered with; that it runs so is PublisherTokenLossIntegrationTest's. */
class PublisherProcessorTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_publisher_is_registered_with_its_settings_and_starts_at_the_tail_of_the_event_store() {
        Configurer configurer = mock(Configurer.class);
        EventProcessingConfigurer processing = mock(EventProcessingConfigurer.class);
        when(configurer.eventProcessing()).thenReturn(processing);

        new PublishingConfig()
                .publisherProcessor(new PublisherProcessorProperties(3, 4), 7)
                .configureModule(configurer);

        ArgumentCaptor<Function<org.axonframework.config.Configuration, TrackingEventProcessorConfiguration>> settings =
                ArgumentCaptor.forClass(Function.class);
        verify(processing)
                .registerTrackingEventProcessor(eq(KafkaPublisher.PROCESSING_GROUP), any(), settings.capture());
        TrackingEventProcessorConfiguration configuration = settings.getValue().apply(null);
        assertThat(configuration.getMaxThreadCount()).isEqualTo(3);
        assertThat(configuration.getInitialSegmentsCount()).isEqualTo(4);
        assertThat(configuration.getBatchSize()).isEqualTo(7);

        StreamableMessageSource<TrackedEventMessage<?>> store = mock(StreamableMessageSource.class);
        TrackingToken tail = mock(TrackingToken.class);
        when(store.createTailToken()).thenReturn(tail);
        assertThat(configuration.getInitialTrackingToken().apply(store)).isSameAs(tail);
    }
}
