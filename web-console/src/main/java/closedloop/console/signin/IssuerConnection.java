package closedloop.console.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * How the console reaches the OpenID Connect issuer that signs people in ({@code closedloop.console.issuer.*} in
 * {@code web-console.yml}, e.g. {@code CLOSEDLOOP_CONSOLE_ISSUER_URL}). Every endpoint is named here rather than read
 * from the issuer's discovery document, so that the console starts while the issuer is not up yet, and so that the
 * browser and the console may reach the issuer at different addresses (a public name and an internal one, as in
 * docker-compose and Kubernetes). The paths default to Spring Authorization Server's (the embedded default's issuer);
 * a Keycloak realm sets its {@code /protocol/openid-connect/…} paths.
 *
 * @param url             the issuer's public address: the {@code iss} of its tokens, and where the browser is sent to
 *                        sign in and out, e.g. {@code http://localhost:9000}
 * @param internalUrl     where the console itself calls the issuer (token, keys, user info); the public address when
 *                        not set
 * @param clientId        the console's client at the issuer
 * @param clientSecret    the console's client secret (a demo value by default: set your own outside a demo)
 * @param authorizePath   the authorization endpoint, below {@code url} (the browser goes there)
 * @param tokenPath       the token endpoint, below {@code internalUrl}
 * @param jwkSetPath      the issuer's signing keys (JWKS), below {@code internalUrl}
 * @param userInfoPath    the user info endpoint, below {@code internalUrl}
 * @param endSessionPath  the RP-initiated logout endpoint, below {@code url} (the browser goes there)
 */
@ConfigurationProperties("closedloop.console.issuer")
public record IssuerConnection(@DefaultValue("http://localhost:9000") URI url,
                               URI internalUrl,
                               @DefaultValue("closedloop-console") String clientId,
                               @DefaultValue("closedloop-console-demo-secret") String clientSecret,
                               @DefaultValue("/oauth2/authorize") String authorizePath,
                               @DefaultValue("/oauth2/token") String tokenPath,
                               @DefaultValue("/oauth2/jwks") String jwkSetPath,
                               @DefaultValue("/userinfo") String userInfoPath,
                               @DefaultValue("/connect/logout") String endSessionPath) {

    /** The issuer as its tokens name it ({@code iss}): the public address without a trailing slash. */
    public String issuer() {
        return withoutTrailingSlash(url);
    }

    /** Where the browser signs in. */
    public String authorizationUri() {
        return issuer() + authorizePath;
    }

    /** Where the browser ends its session at the issuer. */
    public String endSessionUri() {
        return issuer() + endSessionPath;
    }

    /** Where the console exchanges a code or a refresh token for tokens. */
    public String tokenUri() {
        return backChannel() + tokenPath;
    }

    /** Where the console reads the keys the ID tokens are signed with. */
    public String jwkSetUri() {
        return backChannel() + jwkSetPath;
    }

    /** Where the console reads who signed in. */
    public String userInfoUri() {
        return backChannel() + userInfoPath;
    }

    private String backChannel() {
        return internalUrl == null ? issuer() : withoutTrailingSlash(internalUrl);
    }

    private static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public String toString() {
        return "IssuerConnection[url=" + url + ", internalUrl=" + internalUrl + ", clientId=" + clientId
                + ", clientSecret=******, authorizePath=" + authorizePath + ", tokenPath=" + tokenPath
                + ", jwkSetPath=" + jwkSetPath + ", userInfoPath=" + userInfoPath + ", endSessionPath="
                + endSessionPath + "]";
    }
}
