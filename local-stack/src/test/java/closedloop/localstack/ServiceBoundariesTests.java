package closedloop.localstack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries between services and layers, checked over the production code of every module. */
class ServiceBoundariesTests {

    static final String[] SERVICES = {"intake", "router", "escalation", "notification"};

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("closedloop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "router", "escalation", "notification"})
    void aServiceNeverDependsOnAnotherServicesCode(String service) {
        String[] others = Arrays.stream(SERVICES).filter(other -> !other.equals(service))
                .map(other -> "closedloop." + other + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("closedloop." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "router", "escalation", "notification"})
    void domainCodeNeverDependsOnItsWebAdapters(String service) {
        noClasses().that().resideInAPackage("closedloop." + service + "..")
                .and().resideOutsideOfPackage("closedloop." + service + "..web..")
                .should().dependOnClassesThat().resideInAPackage("closedloop." + service + "..web..")
                .check(classes);
    }

    @Test
    void sharedModulesNeverDependOnAService() {
        noClasses().that().resideInAnyPackage("closedloop.contracts..", "closedloop.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("closedloop.intake..", "closedloop.router..",
                        "closedloop.escalation..", "closedloop.notification..", "closedloop.localstack..")
                .check(classes);
    }

    @Test
    void theConsoleKnowsTheServicesOnlyByTheirHttpApis() {
        noClasses().that().resideInAPackage("closedloop.console..")
                .should().dependOnClassesThat().resideInAnyPackage("closedloop.intake..", "closedloop.router..",
                        "closedloop.escalation..", "closedloop.notification..", "closedloop.platform..",
                        "closedloop.contracts..")
                .check(classes);
        noClasses().that().resideInAnyPackage("closedloop.intake..", "closedloop.router..", "closedloop.escalation..",
                        "closedloop.notification..")
                .should().dependOnClassesThat().resideInAPackage("closedloop.console..")
                .check(classes);
    }

    @Test
    void eventContractsStayFreeOfSpringAndKafka() {
        noClasses().that().resideInAPackage("closedloop.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
                .check(classes);
    }
}
