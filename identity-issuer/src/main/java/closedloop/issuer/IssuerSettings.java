package closedloop.issuer;

import closedloop.issuer.account.Account;
import closedloop.issuer.client.ConsoleClient;
import closedloop.issuer.client.WebPortalClient;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The issuer's settings ({@code identity-issuer.yml}; each one overridable from the environment, e.g.
 * {@code CLOSEDLOOP_ISSUER_URL}).
 *
 * @param url                  the issuer's address as its tokens name it ({@code iss}) and clients reach it
 * @param audience             the audience of every access token, which every service checks
 * @param keyFile              the JSON Web Key file of the signing key, generated on the first start
 * @param passwordGrantEnabled whether the command-line client may get a token with a username and password (a
 *                             demo convenience: turn it off outside a demo)
 * @param accessTokenLifetime  how long an access token is valid
 * @param refreshTokenLifetime how long the console may refresh a signed-in person's tokens without a new sign-in
 * @param demoPassword         the password of every member of staff in {@code users}
 * @param console              the web console as a client
 * @param webPortal            the web portal as a client
 * @param users                the staff who may sign in, with their roles and branches
 */
@ConfigurationProperties("closedloop.issuer")
public record IssuerSettings(@DefaultValue("http://localhost:9000") URI url,
                             @DefaultValue("closedloop") String audience,
                             @DefaultValue("data/issuer/signing-key.json") Path keyFile,
                             @DefaultValue("true") boolean passwordGrantEnabled,
                             @DefaultValue("PT1H") Duration accessTokenLifetime,
                             @DefaultValue("PT8H") Duration refreshTokenLifetime,
                             @DefaultValue("demo") String demoPassword,
                             @DefaultValue ConsoleClient console,
                             @DefaultValue WebPortalClient webPortal,
                             List<Account> users) {

    public IssuerSettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    @Override
    public String toString() {
        return "IssuerSettings[url=" + url + ", audience=" + audience + ", keyFile=" + keyFile
                + ", passwordGrantEnabled=" + passwordGrantEnabled + ", accessTokenLifetime=" + accessTokenLifetime
                + ", refreshTokenLifetime=" + refreshTokenLifetime + ", demoPassword=******, console=" + console
                + ", webPortal=" + webPortal + ", users=" + users + "]";
    }
}
