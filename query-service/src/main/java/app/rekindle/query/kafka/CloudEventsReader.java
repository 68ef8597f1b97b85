package app.rekindle.query.kafka;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.PublishedEvent;
import app.rekindle.query.projection.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** The one place a record becomes an event, for fresh records and for kept ones alike. */
@Component
class CloudEventsReader implements EventReader {

    @Override
    public PublishedEvent read(ConsumerRecord<String, byte[]> record) {
        return CloudEventsKafka.fromRecord(record);
    }
}
