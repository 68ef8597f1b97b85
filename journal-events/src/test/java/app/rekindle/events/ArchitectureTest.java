package app.rekindle.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The event contract is what both services agree on, so it stays a plain library: the JDK, Jackson for the JSON, and
 * the Kafka client for the record format, nothing of either service's frameworks.
 */
@AnalyzeClasses(packages = "app.rekindle.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_contract_depends_on_no_spring_and_no_axon = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.axonframework..");

    @ArchTest
    static final ArchRule the_contract_depends_only_on_the_jdk_jackson_and_the_kafka_record_format = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "javax.crypto..",
                    "tools.jackson..",
                    "org.apache.kafka.clients..",
                    "org.apache.kafka.common..",
                    "io.cloudevents..",
                    "app.rekindle.events..");

    // The Kafka client is the record format's business: the events themselves and their rules (windows, privacy)
    // know nothing of it, EventSize aside, which measures a record as the broker will.
    @ArchTest
    static final ArchRule only_the_record_format_touches_kafka = noClasses()
            .that()
            .doNotHaveSimpleName("CloudEventsKafka")
            .and()
            .doNotHaveSimpleName("MalformedRecordException")
            .and()
            .doNotHaveSimpleName("EventSize")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..");
}
