package closedloop.localstack;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.embedded.netty.NettyRouteProvider;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.client.ReactorResourceFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stack's one classpath holds the identity issuer, a servlet application with Tomcat and Spring Security, beside
 * the WebFlux services and the console. This keeps a WebFlux application of the stack as it runs on its own: on
 * Reactor Netty (Spring Boot prefers Tomcat when both are there), and without the defaults Spring Boot gives a
 * reactive application that has Spring Security on its classpath but no security of its own (every endpoint behind a
 * generated password). Never applied to the issuer.
 */
public final class SharedClasspath {

    /**
     * The auto-configurations the issuer's Spring Security would bring to a WebFlux application of the stack. Drop
     * them once the services and the console configure their own security (Boot's defaults then back off anyway).
     */
    static final List<String> ISSUER_ONLY_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.security.reactive.ReactiveManagementWebSecurityAutoConfiguration");

    private static final String EXCLUDE = "spring.autoconfigure.exclude";

    private SharedClasspath() {
    }

    /** The WebFlux application as it runs on its own, though the issuer is on the classpath too. */
    public static SpringApplication reactive(SpringApplication application) {
        application.addPrimarySources(List.of(ReactorNettyServer.class));
        application.addInitializers(context -> excludeIssuerOnlyAutoConfigurations(context.getEnvironment()));
        return application;
    }

    /** Adds the issuer-only auto-configurations to whatever the application excludes already. */
    private static void excludeIssuerOnlyAutoConfigurations(ConfigurableEnvironment environment) {
        Set<String> excluded = new LinkedHashSet<>(List.of(Binder.get(environment).bind(EXCLUDE, String[].class)
                .orElse(new String[0])));
        excluded.addAll(ISSUER_ONLY_AUTO_CONFIGURATIONS);
        environment.getPropertySources().addFirst(new MapPropertySource("issuer-only-auto-configurations",
                Map.of(EXCLUDE, String.join(",", excluded))));
    }

    /**
     * Reactor Netty's server factory, declared as Spring Boot's own configuration declares it, so that Boot's Tomcat
     * one backs off: with the application's {@link ReactorResourceFactory} (Boot declares one wherever WebClient is
     * on the classpath), its route providers and its server customizers.
     */
    @Configuration(proxyBeanMethods = false)
    static class ReactorNettyServer {

        @Bean
        NettyReactiveWebServerFactory nettyReactiveWebServerFactory(ObjectProvider<ReactorResourceFactory> resources,
                                                                    ObjectProvider<NettyRouteProvider> routes,
                                                                    ObjectProvider<NettyServerCustomizer> customizers) {
            NettyReactiveWebServerFactory serverFactory = new NettyReactiveWebServerFactory();
            resources.ifAvailable(serverFactory::setResourceFactory);
            routes.orderedStream().forEach(serverFactory::addRouteProviders);
            serverFactory.getServerCustomizers().addAll(customizers.orderedStream().toList());
            return serverFactory;
        }
    }
}
