package closedloop.escalation;

import closedloop.platform.deadletter.DeadLetterController;
import closedloop.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static closedloop.platform.security.AccessRule.allow;
import static closedloop.platform.security.Role.ADMIN;
import static closedloop.platform.security.Role.DISPATCHER;
import static closedloop.platform.security.Role.STAFF;
import static closedloop.platform.security.Role.SUPERVISOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/** escalation-service's one table of who may call which endpoint (docs/security.md has every service's). */
@Configuration(proxyBeanMethods = false)
class WhoMayDoWhat {

    @Bean
    AccessRules accessRules() {
        return AccessRules.of(
                allow(GET, "/api/v1/branches/league", STAFF),
                allow(GET, "/api/v1/calendars", STAFF),
                allow(PUT, "/api/v1/admin/calendars/{region}/{year}", ADMIN),
                allow(GET, "/api/v1/policies", STAFF),
                allow(GET, "/api/v1/policies/current", STAFF),
                allow(GET, "/api/v1/policies/{version}", STAFF),
                allow(POST, "/api/v1/admin/policies", ADMIN),
                allow(POST, "/api/v1/policies/what-if", SUPERVISOR, ADMIN),
                allow(GET, "/api/v1/clocks/{complaintId}", DISPATCHER, SUPERVISOR),
                allow(GET, "/api/v1/escalations", SUPERVISOR),
                allow(GET, "/api/v1/extensions", SUPERVISOR),
                allow(POST, "/api/v1/extensions/{id}/approve", SUPERVISOR),
                allow(POST, "/api/v1/extensions/{id}/refuse", SUPERVISOR),
                allow(GET, "/api/v1/office-meeting/agenda", SUPERVISOR),
                allow(GET, "/api/v1/office-meeting/items/{id}", SUPERVISOR),
                allow(POST, "/api/v1/office-meeting/items/{id}/decision", SUPERVISOR),
                allow(GET, "/api/v1/alerts", SUPERVISOR),
                allow(GET, "/api/v1/alerts/stream", SUPERVISOR),
                allow(GET, "/api/v1/alerts/{id}", SUPERVISOR),
                allow(POST, "/api/v1/alerts/{id}/ack", SUPERVISOR),
                allow(GET, "/api/v1/dossiers/{complaintId}", SUPERVISOR),
                allow(GET, "/api/v1/obligations", STAFF),
                allow(POST, "/api/v1/obligations/{id}/fulfilment", DISPATCHER, SUPERVISOR),
                allow(POST, "/api/v1/obligations/{id}/waiver", SUPERVISOR),
                allow(GET, "/api/v1/problems", STAFF),
                allow(GET, "/api/v1/problems/{id}", STAFF),
                allow(POST, "/api/v1/problems", SUPERVISOR),
                allow(POST, "/api/v1/problems/{id}/complaints", SUPERVISOR),
                allow(POST, "/api/v1/problems/{id}/actions", SUPERVISOR),
                allow(POST, "/api/v1/problems/{id}/actions/{actionId}/done", DISPATCHER, SUPERVISOR),
                allow(POST, "/api/v1/problems/{id}/agenda", SUPERVISOR),
                allow(POST, "/api/v1/problems/{id}/close", SUPERVISOR))
                // the dead letters of the service's consumer groups, as every service with listeners has them
                .and(DeadLetterController.ACCESS);
    }
}
