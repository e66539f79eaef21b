package closedloop.intake;

import closedloop.platform.deadletter.DeadLetterController;
import closedloop.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static closedloop.platform.security.AccessRule.allow;
import static closedloop.platform.security.Role.AGENT;
import static closedloop.platform.security.Role.DISPATCHER;
import static closedloop.platform.security.Role.INTAKE_CLIENT;
import static closedloop.platform.security.Role.SUPERVISOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/** complaint-intake's one table of who may call which endpoint (docs/security.md has every service's). */
@Configuration(proxyBeanMethods = false)
class WhoMayDoWhat {

    @Bean
    AccessRules accessRules() {
        return AccessRules.of(
                allow(POST, "/api/v1/complaints", AGENT, INTAKE_CLIENT),
                allow(GET, "/api/v1/complaints", AGENT, SUPERVISOR),
                allow(GET, "/api/v1/complaints/{id}", AGENT, DISPATCHER, SUPERVISOR),
                allow(POST, "/api/v1/complaints/_search", AGENT, SUPERVISOR))
                // the dead letters of the service's consumer groups, as every service with listeners has them
                .and(DeadLetterController.ACCESS);
    }
}
