package app.rekindle.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void every_event_in_the_sealed_hierarchy_has_a_registered_name() {
        Set<Class<?>> concrete = new HashSet<>();
        Deque<Class<?>> toVisit = new ArrayDeque<>();
        toVisit.push(JournalEvent.class);
        while (!toVisit.isEmpty()) {
            Class<?> type = toVisit.pop();
            if (type.isSealed()) {
                for (Class<?> permitted : type.getPermittedSubclasses()) {
                    toVisit.push(permitted);
                }
            } else {
                concrete.add(type);
            }
        }
        assertThat(concrete).hasSize(EventTypes.byName().size());
        concrete.forEach(
                type -> assertThat(EventTypes.classFor(EventTypes.typeOf(type).name()))
                        .contains(type.asSubclass(JournalEvent.class)));
    }

    @Test
    void the_sample_set_covers_every_event_type() {
        assertThat(SampleEvents.all())
                .extracting(event -> EventTypes.of(event).name())
                .containsExactlyInAnyOrderElementsOf(EventTypes.byName().keySet());
    }

    @Test
    void names_are_kebab_case_and_cloud_event_types_are_namespaced() {
        EventTypes.byName().keySet().forEach(name -> assertThat(name).matches("[a-z]+(-[a-z]+)*"));
        assertThat(new EventType("checked-in", 1).cloudEventType()).isEqualTo("app.rekindle.journal.checked-in");
    }
}
