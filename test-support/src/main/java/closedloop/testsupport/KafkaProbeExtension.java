package closedloop.testsupport;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.lang.reflect.Field;
import java.util.List;

/**
 * Gives each test of a Spring Boot test class a fresh {@link KafkaProbe} on the application's broker
 * ({@code spring.kafka.bootstrap-servers}) in its {@code KafkaProbe} field, before the class's {@code @BeforeEach}
 * methods run, and closes it after its {@code @AfterEach} methods.
 */
public final class KafkaProbeExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaProbe.class);

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        String bootstrapServers = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("spring.kafka.bootstrap-servers");
        KafkaProbe probe = new KafkaProbe(bootstrapServers);
        context.getStore(NAMESPACE).put(KafkaProbe.class, probe);
        for (Field field : probeFields(context.getRequiredTestClass())) {
            field.setAccessible(true);
            field.set(context.getRequiredTestInstance(), probe);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        KafkaProbe probe = context.getStore(NAMESPACE).remove(KafkaProbe.class, KafkaProbe.class);
        if (probe != null) {
            probe.close();
        }
    }

    private static List<Field> probeFields(Class<?> testClass) {
        List<Field> fields = ReflectionSupport.findFields(testClass, field -> field.getType() == KafkaProbe.class,
                HierarchyTraversalMode.TOP_DOWN);
        if (fields.isEmpty()) {
            throw new IllegalStateException(testClass.getName() + " has no KafkaProbe field to fill");
        }
        return fields;
    }
}
