package closedloop.intake;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layers of complaint-intake: the domain knows neither its HTTP nor its Kafka adapters, nor other services. */
class IntakeArchitectureTests {

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("closedloop.intake");
    }

    @Test
    void domainNeverDependsOnItsAdapters() {
        noClasses().that().resideInAPackage("closedloop.intake.complaint")
                .should().dependOnClassesThat().resideInAnyPackage("closedloop.intake..web..",
                        "closedloop.intake.messaging..", "org.springframework.kafka..", "org.springframework.web..")
                .check(classes);
    }

    @Test
    void adaptersNeverDependOnEachOther() {
        noClasses().that().resideInAPackage("closedloop.intake.messaging..")
                .should().dependOnClassesThat().resideInAPackage("closedloop.intake..web..")
                .check(classes);
    }

    @Test
    void neverDependsOnAnotherServicesCode() {
        noClasses().that().resideInAPackage("closedloop.intake..")
                .should().dependOnClassesThat().resideInAnyPackage("closedloop.router..", "closedloop.escalation..",
                        "closedloop.notification..", "closedloop.localstack..")
                .check(classes);
    }
}
