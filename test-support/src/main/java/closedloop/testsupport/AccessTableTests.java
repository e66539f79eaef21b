package closedloop.testsupport;

import closedloop.platform.security.AccessRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's access test proves, against the running service: each endpoint it maps has exactly one rule
 * in its access table, and every role (and a caller without a token) is answered on every endpoint exactly as
 * {@code docs/access/<service>.md} says. A new endpoint without a rule, or a rule that changed, fails the build.
 */
public abstract class AccessTableTests {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private AccessRules rules;

    @LocalServerPort
    private int port;

    @Value("${spring.application.name}")
    private String service;

    @Test
    void givesEveryEndpointExactlyOneRule() {
        assertThat(AccessMatrix.ruleProblems(AccessMatrix.endpoints(context), rules)).isEmpty();
    }

    @Test
    void answersEveryRoleOnEveryEndpointAsTheDocsSay() {
        List<String> endpoints = AccessMatrix.endpoints(context);
        String probed = AccessMatrix.probe(endpoints, "http://localhost:" + port);
        assertThat(probed).isEqualTo(AccessMatrix.documented(service, probed));
    }
}
