package closedloop.issuer.client;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * The web console as a client of the issuer: a confidential client that signs people in with the authorization code
 * flow and PKCE.
 *
 * @param url    the console's base address as the browser sees it; the redirect URI is
 *               {@code <url>/login/oauth2/code/closedloop} and the address after logout {@code <url>/}
 * @param secret the console's client secret (a demo value by default: set your own outside a demo)
 */
public record ConsoleClient(@DefaultValue("http://localhost:8080") URI url,
                            @DefaultValue("closedloop-console-demo-secret") String secret) {

    /** Where the issuer sends the browser back with the authorization code. */
    public String redirectUri() {
        return base() + "/login/oauth2/code/closedloop";
    }

    /** Where the issuer sends the browser after logout. */
    public String postLogoutRedirectUri() {
        return base() + "/";
    }

    private String base() {
        String base = url.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public String toString() {
        return "ConsoleClient[url=" + url + ", secret=******]";
    }
}
