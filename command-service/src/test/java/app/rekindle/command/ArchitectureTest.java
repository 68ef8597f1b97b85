package app.rekindle.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/** The command service's layout: capabilities without cycles, controllers that leave storage to their capability. */
@AnalyzeClasses(packages = "app.rekindle.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilities_depend_on_each_other_without_cycles =
            slices().matching("app.rekindle.command.(*)..").should().beFreeOfCycles();

    // A controller turns HTTP into commands and answers; the event store's tables and Axon's store are reached only
    // through the capability that owns them (TableOwnershipTest checks the SQL side of the same rule).
    @ArchTest
    static final ArchRule controllers_do_not_reach_the_event_store_or_the_database = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.jdbc..", "javax.sql..", "org.axonframework.eventsourcing.eventstore..");
}
