package closedloop.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureUnitTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("closedloop.notification");

    @Test
    void neverDependsOnOtherServices() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("closedloop.intake..", "closedloop.router..", "closedloop.escalation..")
                .check(CLASSES);
    }

    @Test
    void keepsDomainPackagesFreeOfWebAndMessagingAdapters() {
        noClasses().that().resideInAnyPackage("closedloop.notification.contact", "closedloop.notification.message",
                        "closedloop.notification.message.delivery", "closedloop.notification.template",
                        "closedloop.notification.notice", "closedloop.notification.callback")
                .should().dependOnClassesThat()
                .resideInAnyPackage("..web..", "closedloop.notification.messaging..", "org.springframework.kafka..")
                .check(CLASSES);
    }
}
