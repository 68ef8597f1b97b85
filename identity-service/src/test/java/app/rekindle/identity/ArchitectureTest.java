package app.rekindle.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The identity service's layout: capabilities without cycles, pages and endpoints that leave storage alone. */
@AnalyzeClasses(packages = "app.rekindle.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilities_depend_on_each_other_without_cycles =
            slices().matching("app.rekindle.identity.(*)..").should().beFreeOfCycles();

    // A page or an endpoint asks the package that owns the tables (TableOwnershipTest checks the SQL itself).
    @ArchTest
    static final ArchRule controllers_do_not_reach_the_database = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(Controller.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "javax.sql..");
}
