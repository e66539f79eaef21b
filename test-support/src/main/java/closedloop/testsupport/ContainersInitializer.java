package closedloop.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;

/** Points a test's application context at a real MongoDB 7 replica set and a real Kafka broker in containers. */
public class ContainersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static MongoDBContainer mongo;
    private static KafkaContainer kafka;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        startOnce();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.data.mongodb.uri=" + mongo.getConnectionString(),
                "spring.kafka.bootstrap-servers=" + kafka.getBootstrapServers());
    }

    private static synchronized void startOnce() {
        if (mongo == null) {
            mongo = new MongoDBContainer("mongo:7.0");
            kafka = new KafkaContainer("apache/kafka:3.9.1");
            mongo.start();
            kafka.start();
        }
    }
}
