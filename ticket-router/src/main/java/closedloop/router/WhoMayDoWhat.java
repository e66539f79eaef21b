package closedloop.router;

import closedloop.platform.deadletter.DeadLetterController;
import closedloop.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static closedloop.platform.security.AccessRule.allow;
import static closedloop.platform.security.Role.ADMIN;
import static closedloop.platform.security.Role.DISPATCHER;
import static closedloop.platform.security.Role.DISPATCH_DESK;
import static closedloop.platform.security.Role.STAFF;
import static closedloop.platform.security.Role.SUPERVISOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * ticket-router's one table of who may call which endpoint (docs/security.md has every service's). A dispatcher is
 * further limited to the tickets of their token's branches: another branch's ticket answers 404.
 */
@Configuration(proxyBeanMethods = false)
class WhoMayDoWhat {

    @Bean
    AccessRules accessRules() {
        return AccessRules.of(
                allow(GET, "/api/v1/tickets", DISPATCHER, DISPATCH_DESK, SUPERVISOR),
                allow(GET, "/api/v1/tickets/{id}", DISPATCHER, DISPATCH_DESK, SUPERVISOR),
                allow(GET, "/api/v1/tickets/{id}/holders", DISPATCHER, DISPATCH_DESK, SUPERVISOR),
                allow(POST, "/api/v1/tickets/{id}/accept", DISPATCHER),
                allow(POST, "/api/v1/tickets/{id}/handler", DISPATCHER),
                allow(POST, "/api/v1/tickets/{id}/notes", DISPATCHER),
                allow(POST, "/api/v1/tickets/{id}/first-contact", DISPATCHER),
                allow(POST, "/api/v1/tickets/{id}/return", DISPATCHER),
                allow(POST, "/api/v1/tickets/{id}/extension", DISPATCHER),
                allow(POST, "/api/v1/tickets/{id}/wait", DISPATCHER),
                allow(POST, "/api/v1/tickets/{id}/resume", DISPATCHER),
                allow(POST, "/api/v1/tickets/{id}/resolve", DISPATCHER),
                allow(POST, "/api/v1/tickets/{id}/dispatch", DISPATCH_DESK),
                allow(POST, "/api/v1/tickets/{id}/transfer", DISPATCH_DESK),
                allow(GET, "/api/v1/branches", STAFF),
                allow(POST, "/api/v1/admin/branch-directory/reload", ADMIN))
                // the dead letters of the service's consumer groups, as every service with listeners has them
                .and(DeadLetterController.ACCESS);
    }
}
