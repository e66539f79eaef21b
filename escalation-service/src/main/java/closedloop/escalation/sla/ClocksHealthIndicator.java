package closedloop.escalation.sla;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * {@code clocks} in the health endpoint, part of the readiness group (escalation-service.yml): out of service while a
 * partition this instance owns has clocks not yet loaded, since its due cases would not fire meanwhile.
 */
@Component
@RequiredArgsConstructor
public class ClocksHealthIndicator implements HealthIndicator {

    private final PartitionClocks clocks;

    @Override
    public Health health() {
        Set<Integer> loading = clocks.loading();
        return (loading.isEmpty() ? Health.up() : Health.outOfService()).withDetail("loading", loading).build();
    }
}
