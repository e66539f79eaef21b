package closedloop.localstack;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of the whole tree, checked once over the production code of every module (local-stack depends on
 * all of them): no service knows another's code, domain code knows none of its adapters, no module has a package
 * cycle, and the shared modules stay below the services.
 */
class ArchitectureUnitTests {

    /**
     * The root packages of the services, each a Spring Boot application that knows the others only by events or HTTP
     * (the console and the identity issuer included).
     */
    static final List<String> SERVICES = List.of("intake", "router", "escalation", "notification", "console", "issuer");

    /** The services whose domain packages carry {@code web} and {@code messaging} adapters. */
    static final List<String> DOMAIN_SERVICES = List.of("intake", "router", "escalation", "notification");

    /** The root package of every module under {@code closedloop}. */
    static final List<String> MODULES = List.of("contracts", "platform", "testsupport", "intake", "router",
            "escalation", "notification", "console", "issuer", "localstack");

    /** Spring's reactive HTTP client: a way out to a gateway, not a web adapter. */
    static final String HTTP_CLIENT = "org.springframework.web.reactive.function.client..";

    /** The domain code that sends through an outside gateway over HTTP (the SMS gateway). */
    static final String OUTBOUND_GATEWAYS = "closedloop.notification.channel..";

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("closedloop");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aServiceNeverDependsOnAnotherServicesCode(String service) {
        String[] elsewhere = Stream.concat(SERVICES.stream().filter(other -> !other.equals(service)),
                        Stream.of("localstack", "testsupport"))
                .map(other -> "closedloop." + other + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("closedloop." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(elsewhere)
                .check(classes);
    }

    @Test
    void theConsoleKnowsTheServicesOnlyByTheirHttpApis() {
        noClasses().that().resideInAPackage("closedloop.console..")
                .should().dependOnClassesThat().resideInAnyPackage("closedloop.platform..", "closedloop.contracts..")
                .check(classes);
    }

    /**
     * Domain code is every package of a service below its root except the {@code web} and {@code messaging} adapters.
     * It knows no web code at all (its own adapters, another domain's, the platform's, Spring's) and no Kafka; the
     * one exception is the HTTP client with which an outbound channel reaches a gateway.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("domainServices")
    void domainCodeNeverDependsOnAWebOrMessagingAdapter(String service) {
        DescribedPredicate<JavaClass> adapters = resideInAnyPackage("..web..", "..messaging..",
                "org.springframework.kafka..", "org.apache.kafka..")
                .and(not(resideInAPackage(HTTP_CLIENT)));
        noClasses().that(domainCodeOf(service))
                .should().dependOnClassesThat(adapters)
                .check(classes);
        noClasses().that(domainCodeOf(service)).and().resideOutsideOfPackages(OUTBOUND_GATEWAYS)
                .should().dependOnClassesThat().resideInAPackage(HTTP_CLIENT)
                .check(classes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainServices")
    void onlyWebAdaptersDependOnWebAdapters(String service) {
        String root = "closedloop." + service;
        noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + "..web..")
                .should().dependOnClassesThat().resideInAPackage(root + "..web..")
                .check(classes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainServices")
    void onlyMessagingAdaptersDependOnMessagingAdapters(String service) {
        String root = "closedloop." + service;
        noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + "..messaging..")
                .should().dependOnClassesThat().resideInAPackage(root + "..messaging..")
                .check(classes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainServices")
    void messagingAdaptersNeverDependOnWebAdapters(String service) {
        String root = "closedloop." + service;
        noClasses().that().resideInAPackage(root + "..messaging..")
                .should().dependOnClassesThat().resideInAPackage(root + "..web..")
                .check(classes);
    }

    /**
     * Each package below a module's root is a slice of its own ({@code escalation.calendar}, {@code
     * escalation.policy}, {@code notification.message.delivery}); the root package, the module's wiring, is not. A
     * module of a single package has no cycle to find.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void aModuleHasNoPackageCycle(String module) {
        slices().matching("closedloop." + module + ".(**)").namingSlices("closedloop." + module + ".$1")
                .should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Each domain below a module's root, with its sub-packages and adapters, is a slice: sibling domains never depend
     * on each other both ways, not even through a sub-package ({@code message.delivery} on {@code notice} on {@code
     * message}).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void aModuleHasNoCycleBetweenItsDomains(String module) {
        slices().matching("closedloop." + module + ".(*)..").namingSlices("closedloop." + module + ".$1..")
                .should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void sharedModulesNeverDependOnAService() {
        noClasses().that().resideInAnyPackage("closedloop.contracts..", "closedloop.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("closedloop.intake..", "closedloop.router..",
                        "closedloop.escalation..", "closedloop.notification..", "closedloop.console..",
                        "closedloop.issuer..", "closedloop.localstack..", "closedloop.testsupport..")
                .check(classes);
    }

    @Test
    void eventContractsStayFreeOfSpringKafkaAndThePlatform() {
        noClasses().that().resideInAPackage("closedloop.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "closedloop.platform..")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> domainCodeOf(String service) {
        String root = "closedloop." + service;
        return resideInAPackage(root + ".*..")
                .and(not(resideInAnyPackage(root + "..web..", root + "..messaging..")))
                .as("domain code of " + root);
    }

    static List<String> services() {
        return SERVICES;
    }

    static List<String> domainServices() {
        return DOMAIN_SERVICES;
    }

    static List<String> modules() {
        return MODULES;
    }
}
