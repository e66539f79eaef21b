package closedloop.localstack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.netty.NettyWebServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity issuer's Tomcat and Spring Security are on the stack's one classpath; the services and the console
 * still run as they do on their own: on Reactor Netty, and with no security Spring Boot made up for them.
 */
@ExtendWith(WholeStack.class)
class SharedClasspathEndToEndTests {

    static LocalStack stack;

    @BeforeAll
    static void useTheSharedStack(LocalStack shared) {
        stack = shared;
    }

    @ParameterizedTest
    @ValueSource(strings = {"complaint-intake", "ticket-router", "escalation-service", "notification-service", "web-console"})
    void servesOnReactorNettyNotOnTheIssuersTomcat(String application) {
        ConfigurableApplicationContext context = stack.context(application);

        assertThat(((WebServerApplicationContext) context).getWebServer()).isInstanceOf(NettyWebServer.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"complaint-intake", "ticket-router", "escalation-service", "notification-service", "web-console"})
    void hasItsOwnSecurityAndNoneThatSpringBootMadeUp(String application) {
        ConfigurableApplicationContext context = stack.context(application);

        assertThat(context.getBeanNamesForType(ReactiveUserDetailsService.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SecurityWebFilterChain.class)).hasSize(1);
    }
}
