package closedloop.testsupport;

import closedloop.platform.security.Role;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.reactive.server.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import java.util.List;

/**
 * Signs every request of the test's {@code WebTestClient} in as {@value TestIssuer#STAFF}, a staff member with every
 * staff role and the test branches, unless the request carries its own {@code Authorization}. Tests of who may do
 * what sign in as someone else ({@link TestIssuer#as(String, List, String...)}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignedInTestClient {

    @Bean
    WebTestClientBuilderCustomizer signedInAsStaff() {
        return builder -> builder.filter(asStaff());
    }

    /** For a client a test builds itself: signs its requests in as {@value TestIssuer#STAFF} unless they say otherwise. */
    public static ExchangeFilterFunction asStaff() {
        return (request, next) -> request.headers().containsKey(HttpHeaders.AUTHORIZATION)
                ? next.exchange(request)
                : next.exchange(ClientRequest.from(request).headers(TestIssuer.bearer(TestIssuer.get()
                        .token(TestIssuer.STAFF, List.of(Role.STAFF), TestIssuer.TEST_BRANCHES))).build());
    }
}
