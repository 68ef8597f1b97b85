package app.rekindle.support.json;

import java.time.temporal.Temporal;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Dates and instants only as ISO-8601 text. Jackson's own java.time deserializers also read {@code [2026,1,1]}
 * and epoch numbers ({@code 1767225600}, {@code 1767225600.5}, even as {@code "1767225600"}) whatever the
 * coercion and leniency settings; this keeps them and lets only a string that is not a bare number through.
 */
final class TemporalsAsText extends ValueDeserializerModifier {

    private static final Pattern NUMBER = Pattern.compile("\\s*[-+]?[0-9]+(\\.[0-9]*)?\\s*");

    @Override
    public ValueDeserializer<?> modifyDeserializer(
            DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
        return Temporal.class.isAssignableFrom(description.getBeanClass()) ? new TextOnly(deserializer) : deserializer;
    }

    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(ValueDeserializer<?> standard) {
            super(standard);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> standard) {
            return new TextOnly(standard);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING
                    && !NUMBER.matcher(parser.getString()).matches()) {
                return super.deserialize(parser, context);
            }
            return context.handleUnexpectedToken(_delegatee.handledType(), parser);
        }
    }
}
