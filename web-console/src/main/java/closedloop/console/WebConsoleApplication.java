package closedloop.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Map;

/**
 * The people's console: the pages of the hotline agent, the branch dispatcher and the supervisor, served together with
 * the four services' APIs from one origin. It signs people in at the identity issuer ({@code closedloop.console.signin})
 * and Spring Cloud Gateway routes each API path to the service that owns it with the signed-in person's access token
 * ({@code web-console.yml}); the console itself holds no data but the signed-in people's sessions.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebConsoleApplication {

    public static final String NAME = "web-console";

    /** Reactor Netty's setting, in milliseconds, of how long a pooled client connection may stay idle. */
    static final String POOL_MAX_IDLE_TIME = "reactor.netty.pool.maxIdleTime";

    public static void main(String[] args) {
        keepPooledConnectionsFresh();
        application().run(args);
    }

    /**
     * Drops a pooled connection of the console's clients (the sign-in's calls to the issuer) after 10 s idle, well
     * before a server closes it (the issuer's Tomcat keeps an idle connection 60 s), so that no request is ever written
     * on a connection the server is closing; Reactor Netty keeps one forever by default. A system property, read when
     * Reactor Netty's pool is first used: call this before anything starts. The tests set it for their JVM.
     */
    public static void keepPooledConnectionsFresh() {
        if (System.getProperty(POOL_MAX_IDLE_TIME) == null) {
            System.setProperty(POOL_MAX_IDLE_TIME, "10000");
        }
    }

    /** The application with its own configuration file, so that it can share one JVM with the services. */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(WebConsoleApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME));
        return app;
    }
}
