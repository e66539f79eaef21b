package closedloop.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Gives a test's application context its own embedded MongoDB server, stopped when the context closes. */
public class EmbeddedMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedMongo mongo = EmbeddedMongo.start();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "spring.data.mongodb.uri=" + mongo.uri());
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                mongo.close();
            }
        });
    }
}
