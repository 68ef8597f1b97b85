package app.rekindle.command.keys;

import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.privacy.SealedEvents;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The event store's serializer: journal events are written in their sealed form (free text encrypted under the
 * journal's data key) and opened on reading; everything else (snapshots, tokens) goes to the wrapped serializer.
 * The publisher forwards the stored bytes as they are, so Kafka carries the same ciphertext.
 */
public final class SealingSerializer implements Serializer {

    private final Serializer delegate;
    private final JournalKeys keys;
    private final boolean sealing;

    public SealingSerializer(Serializer delegate, JournalKeys keys, boolean sealing) {
        this.delegate = delegate;
        this.keys = keys;
        this.sealing = sealing;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!(object instanceof JournalEvent event)) {
            return delegate.serialize(object, expectedRepresentation);
        }
        byte[] json = sealing ? SealedEvents.seal(event, keys::keyFor) : JournalEventJson.toBytes(event);
        SerializedObject<byte[]> serialized =
                new SimpleSerializedObject<>(json, byte[].class, delegate.typeForClass(object.getClass()));
        return delegate.getConverter().convert(serialized, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        if (!JournalEvent.class.isAssignableFrom(type)) {
            return delegate.deserialize(serializedObject);
        }
        byte[] json =
                delegate.getConverter().convert(serializedObject, byte[].class).getData();
        return (T) SealedEvents.open(EventTypes.typeOf(type).name(), json, keys::find);
    }

    @Override
    public Class<?> classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes") // Axon's Serializer declares this parameter raw; Class<?> would not override it
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
