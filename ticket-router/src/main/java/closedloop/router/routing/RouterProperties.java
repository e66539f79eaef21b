package closedloop.router.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The router's settings.
 *
 * @param directory the branch directory: a JSON list of {@link Branch}es, loaded at start-up
 */
@ConfigurationProperties("closedloop.router")
public record RouterProperties(@DefaultValue("classpath:branch-directory.json") Resource directory) {
}
