package closedloop.router;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureUnitTests {

    private final JavaClasses router = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("closedloop.router");

    @Test
    void keepsTheDomainFreeOfItsAdapters() {
        noClasses().that().resideInAPackage("closedloop.router.routing")
                .should().dependOnClassesThat().resideInAnyPackage("closedloop.router.routing.web..",
                        "closedloop.router.messaging..")
                .check(router);
    }

    @Test
    void neverDependsOnAnotherServicesCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("closedloop.intake..",
                        "closedloop.escalation..", "closedloop.notification..")
                .check(router);
    }
}
