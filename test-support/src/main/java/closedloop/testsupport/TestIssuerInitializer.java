package closedloop.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Points a test's application context at the {@link TestIssuer}: its tokens are the only ones accepted. */
public class TestIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestIssuer issuer = TestIssuer.get();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.url(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwksUrl());
    }
}
