package closedloop.testsupport;

import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring Boot test against a real Kafka broker (spring-kafka-test's KRaft broker) and a real MongoDB
 * wire-protocol server (mongo-java-server), both in process on random ports, with a movable clock, its
 * requests signed in by the {@link TestIssuer}.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedKafka(kraft = true, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = {EmbeddedMongoInitializer.class, TestIssuerInitializer.class})
@Import({MovableClockConfiguration.class, SignedInTestClient.class})
public @interface EmbeddedInfrastructure {
}
