package closedloop.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.embedded.netty.NettyRouteProvider;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The console serves on Reactor Netty whatever else the classpath holds. Spring Cloud Gateway runs only on Netty, and
 * Spring Boot would pick Tomcat for a WebFlux application as soon as Tomcat is on the classpath, as it is where the
 * console shares a JVM with the identity issuer (a servlet application): in the embedded default and in this module's
 * tests. The same server as Spring Boot's own Netty configuration builds, on the Reactor Netty resources of the
 * context (Spring Boot's, shared by every context of the JVM, unless the application declares its own).
 */
@Configuration(proxyBeanMethods = false)
class NettyServerConfiguration {

    @Bean
    NettyReactiveWebServerFactory nettyReactiveWebServerFactory(ObjectProvider<ReactorResourceFactory> resources,
                                                                ObjectProvider<NettyRouteProvider> routes,
                                                                ObjectProvider<NettyServerCustomizer> customizers) {
        NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory();
        resources.ifAvailable(factory::setResourceFactory);
        routes.orderedStream().forEach(factory::addRouteProviders);
        factory.getServerCustomizers().addAll(customizers.orderedStream().toList());
        return factory;
    }
}
