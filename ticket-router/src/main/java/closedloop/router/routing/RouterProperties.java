package closedloop.router.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The router's settings.
 *
 * @param directory      the branch directory: a JSON list of {@link Branch}es, loaded at start-up
 * @param unclaimedAfter passed on (returned or transferred) this many times in a row with nobody signing for it, a
 *                       complaint is unclaimed: {@link Ticket} reports it once
 */
@ConfigurationProperties("closedloop.router")
public record RouterProperties(@DefaultValue("classpath:branch-directory.json") Resource directory,
                               @DefaultValue("3") int unclaimedAfter) {
}
