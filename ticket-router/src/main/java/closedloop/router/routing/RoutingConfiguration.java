package closedloop.router.routing;

import closedloop.platform.outbox.OutboxSource;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Loads the branch directory into the routing rule and declares the tickets' outbox. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

    @Bean
    Routing routing(RouterProperties properties, ObjectMapper json) {
        try (InputStream in = properties.directory().getInputStream()) {
            List<Branch> branches = json.readValue(in, new TypeReference<List<Branch>>() { });
            log.info("Branch directory {}: {} branches", properties.directory().getDescription(), branches.size());
            return new Routing(branches);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the branch directory " + properties.directory(), e);
        }
    }

    @Bean
    OutboxSource ticketOutbox() {
        return new OutboxSource(Ticket.COLLECTION);
    }
}
