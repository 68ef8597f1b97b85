package app.rekindle.command.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rekindle.events.Step;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.IdentifierMissingException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

class JournalCommandTargetsTest {

    private final JournalCommandTargets targets = new JournalCommandTargets();

    @Test
    void a_journal_command_goes_to_the_journal_it_names_with_no_version_of_axons_own() {
        UUID journal = UUID.randomUUID();

        VersionedAggregateIdentifier target = targets.resolveTarget(GenericCommandMessage.asCommandMessage(
                new JournalCommand.StartStep(journal, "alice", 7L, Step.REFLECT_ON_THE_PAST)));

        assertThat(target.getIdentifierValue()).isEqualTo(journal);
        assertThat(target.getIdentifier()).isEqualTo(journal.toString());
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void a_command_that_names_no_journal_goes_nowhere() {
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage("not a command")))
                .isInstanceOf(IdentifierMissingException.class);
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(
                        new JournalCommand.StartStep(null, "alice", null, Step.REFLECT_ON_THE_PAST))))
                .isInstanceOf(IdentifierMissingException.class);
    }
}
