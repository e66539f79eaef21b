package closedloop.issuer.client;

import closedloop.issuer.account.Account;
import closedloop.issuer.account.Role;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The web portal as a client of the issuer: an integration that registers the complaints customers file online, with
 * tokens it gets with its own client's credentials (the client credentials grant), naming the actor and roles below.
 *
 * @param secret   the client secret (a demo value by default: set your own outside a demo)
 * @param username the actor its tokens name as {@code preferred_username}
 * @param roles    what it may do
 */
public record WebPortalClient(@DefaultValue("closedloop-web-portal-demo-secret") String secret,
                              @DefaultValue("web-portal") String username,
                              @DefaultValue("INTAKE_CLIENT") List<Role> roles) {

    /** The account its tokens speak for (an integration works no branch). */
    public Account account() {
        return new Account(username, roles, List.of());
    }

    @Override
    public String toString() {
        return "WebPortalClient[username=" + username + ", roles=" + roles + ", secret=******]";
    }
}
