package closedloop.router.routing;

import closedloop.platform.outbox.OutboxSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the branch directory and declares the tickets' outbox. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    BranchDirectory branchDirectory(RouterProperties properties, ObjectMapper json) {
        return new BranchDirectory(properties.directory(), json);
    }

    @Bean
    OutboxSource ticketOutbox() {
        return new OutboxSource(Ticket.COLLECTION);
    }
}
