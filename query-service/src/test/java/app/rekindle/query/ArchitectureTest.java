package app.rekindle.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/** The query service's layout: capabilities without cycles, controllers that leave the tables to their views. */
@AnalyzeClasses(packages = "app.rekindle.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilities_depend_on_each_other_without_cycles =
            slices().matching("app.rekindle.query.(*)..").should().beFreeOfCycles();

    // A controller reads through its view's query class; SQL and the database stay with the package that owns the
    // tables (TableOwnershipTest checks the SQL itself).
    @ArchTest
    static final ArchRule controllers_do_not_reach_the_database = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "javax.sql..");
}
