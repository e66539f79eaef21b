package closedloop.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IssuerJvmUnitTests {

    @Test
    void countsOnlyTheKeySetsGetsInTomcatsAccessLog() {
        assertThat(IssuerJvm.isJwksFetch(
                "127.0.0.1 - - [06/Dec/2026:22:39:35 +0000] \"GET /oauth2/jwks HTTP/1.1\" 200 462")).isTrue();
        assertThat(IssuerJvm.isJwksFetch(
                "127.0.0.1 - - [06/Dec/2026:22:39:35 +0000] \"POST /oauth2/token HTTP/1.1\" 200 812")).isFalse();
        assertThat(IssuerJvm.isJwksFetch(
                "127.0.0.1 - - [06/Dec/2026:22:39:35 +0000] \"GET /oauth2/jwks-other HTTP/1.1\" 404 0")).isFalse();
    }
}
