package app.rekindle.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.EventTypes;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreeTextFieldsTest {

    /** Text that is not personal: who owns the journal (a subject id) and its timezone. */
    private static final Set<String> READABLE_TEXT = Set.of("ownerId", "timezone");

    @Test
    void every_text_field_of_every_event_is_sealed_or_deliberately_readable() {
        for (Class<?> type : EventTypes.byName().values()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == String.class && !READABLE_TEXT.contains(component.getName())) {
                    assertThat(FreeTextFields.of(type))
                            .as("free text of %s", type.getSimpleName())
                            .contains(component.getName());
                }
            }
            assertThat(FreeTextFields.of(type))
                    .as("listed fields of %s exist", type.getSimpleName())
                    .allMatch(name -> Arrays.stream(type.getRecordComponents())
                            .anyMatch(c -> c.getName().equals(name)));
        }
    }
}
