package app.rekindle.support.json;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How both services read JSON: a value must already be what the field is. {@code "4"} is not a rating,
 * {@code 123} is not a note, {@code 1} and {@code "true"} are not booleans, {@code [2026,1,1]} is not a date, a
 * date-time is not a date, a number is not an instant, 1.5 is not a whole number and 2 is not an enum constant.
 * Jackson converts all of these by default; here each fails, and the service answers 400 naming the field
 * (rule {@code readable}). Untyped values (a {@code Map<String, Object>} such as an amendment's changes, a
 * {@code JsonNode} such as an import) are read as the JSON they are and checked by their own rules.
 * Also: unknown properties and anything after the JSON value are refused, and nesting is bounded.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    /** No request body nests deeper than a few levels; 64 leaves room and stops a parser-exhausting one. */
    public static final int MAX_NESTING_DEPTH = 64;

    @Bean
    JsonMapperBuilderCustomizer strictJsonMapper() {
        return StrictJson::apply;
    }

    @Bean
    JsonFactoryBuilderCustomizer strictJsonFactory() {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
    }

    /** The rules, for mappers built outside Spring (tests, tools) that must read requests alike. */
    public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
        return builder.enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // Strings are not numbers or booleans, and numbers or booleans are not strings.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // Dates and instants only as ISO-8601 text: not as arrays, not as epoch numbers, and a date not
                // from a date-time whose time would be dropped (leniency off).
                .defaultLeniency(false)
                .addModule(new SimpleModule("temporals-as-text").setDeserializerModifier(new TemporalsAsText()))
                .withCoercionConfig(LogicalType.Integer, StrictJson::onlyItself)
                .withCoercionConfig(LogicalType.Float, StrictJson::onlyItself)
                .withCoercionConfig(LogicalType.Boolean, StrictJson::onlyItself)
                .withCoercionConfig(LogicalType.Textual, StrictJson::onlyItself)
                .withCoercionConfig(LogicalType.Enum, StrictJson::onlyItself)
                .withCoercionConfig(LogicalType.DateTime, StrictJson::onlyItself);
    }

    private static void onlyItself(MutableCoercionConfig config) {
        for (CoercionInputShape shape : CoercionInputShape.values()) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }
}
