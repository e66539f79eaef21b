package closedloop.notification;

import closedloop.platform.deadletter.DeadLetterController;
import closedloop.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static closedloop.platform.security.AccessRule.allow;
import static closedloop.platform.security.AccessRule.open;
import static closedloop.platform.security.Role.AGENT;
import static closedloop.platform.security.Role.DISPATCHER;
import static closedloop.platform.security.Role.SUPERVISOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * notification-service's one table of who may call which endpoint (docs/security.md has every service's). The SMS
 * gateway's reply webhook carries no token: the gateway signs each call instead. A dispatcher reads only the
 * messages to their own branches.
 */
@Configuration(proxyBeanMethods = false)
class WhoMayDoWhat {

    @Bean
    AccessRules accessRules() {
        return AccessRules.of(
                allow(GET, "/api/v1/callbacks", AGENT, SUPERVISOR),
                allow(GET, "/api/v1/callbacks/{id}", AGENT, SUPERVISOR),
                allow(POST, "/api/v1/callbacks/{id}/attempts", AGENT),
                allow(POST, "/api/v1/callbacks/{id}/outcome", AGENT),
                open(POST, "/api/v1/sms/replies"),
                allow(GET, "/api/v1/messages", DISPATCHER, SUPERVISOR),
                allow(POST, "/api/v1/messages/_search", DISPATCHER, SUPERVISOR),
                allow(GET, "/api/v1/live", DISPATCHER, SUPERVISOR),
                allow(GET, "/api/v1/templates", SUPERVISOR),
                allow(GET, "/api/v1/templates/preview", SUPERVISOR))
                // the dead letters of the service's consumer groups, as every service with listeners has them
                .and(DeadLetterController.ACCESS);
    }
}
