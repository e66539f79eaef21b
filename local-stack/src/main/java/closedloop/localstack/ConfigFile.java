package closedloop.localstack;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An application's settings as it would read them (the environment over its {@code <name>.yml}), read by a process
 * that does not run the application: the split-process launcher prints the issuer's demo users, and the demo outbox
 * signs customers' replies with notification-service's secret, and the chaos command signs in as its demo staff.
 */
public final class ConfigFile {

    private ConfigFile() {
    }

    /** A binder over the environment, then the application's configuration file {@code <configName>.yml}. */
    public static Binder of(String configName) {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load(configName, new ClassPathResource(configName + ".yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Binder.get(environment);
    }
}
