package closedloop.console;

import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.embedded.netty.NettyRouteProvider;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The console under test serves on Reactor Netty, as it does on its own: these tests put the identity issuer, and
 * with it Tomcat, on the classpath, and Spring Boot would then serve a WebFlux application on Tomcat (Spring Cloud
 * Gateway needs Netty). Reactor Netty's server factory, declared as Spring Boot declares it, so that Boot's Tomcat one
 * backs off; registered by an initializer rather than a configuration class, so that no component scan of
 * {@code closedloop.console} ever finds it (local-stack's tests have this module's test classes on their classpath).
 */
final class OnReactorNetty implements ApplicationContextInitializer<GenericApplicationContext> {

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean("nettyReactiveWebServerFactory", NettyReactiveWebServerFactory.class, () -> {
            NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory();
            context.getBeanProvider(ReactorResourceFactory.class).ifAvailable(factory::setResourceFactory);
            context.getBeanProvider(NettyRouteProvider.class).orderedStream().forEach(factory::addRouteProviders);
            factory.getServerCustomizers().addAll(context.getBeanProvider(NettyServerCustomizer.class)
                    .orderedStream().toList());
            return factory;
        });
    }
}
