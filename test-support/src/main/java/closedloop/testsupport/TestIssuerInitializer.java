package closedloop.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a test's application context at the {@link TestIssuer}: its tokens are the only ones accepted. Its few
 * signed-in test users make thousands of requests a minute of the test's clock, which seldom moves: the per-person
 * rate limits are off, unless the test turns them on itself ({@code closedloop.rate-limits.enabled=true}, as the tests
 * of the limits do).
 */
public class TestIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String RATE_LIMITS = "closedloop.rate-limits.enabled";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestIssuer issuer = TestIssuer.get();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.url(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwksUrl());
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.containsProperty(RATE_LIMITS)) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, RATE_LIMITS + "=false");
        }
    }
}
