package closedloop.testsupport;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring Boot test against MongoDB 7 and Apache Kafka in containers, with a movable clock, its
 * requests signed in by the {@link TestIssuer}. Skipped where no
 * Docker engine runs.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = {ContainersInitializer.class, TestIssuerInitializer.class})
@Import({MovableClockConfiguration.class, SignedInTestClient.class})
public @interface ContainerInfrastructure {
}
