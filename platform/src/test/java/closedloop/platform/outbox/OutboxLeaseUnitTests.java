package closedloop.platform.outbox;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxLeaseUnitTests {

    @Test
    void aClaimOutlastsTheProducersDeliveryTimeout() {
        assertThat(OutboxRelay.lease(template(Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000))))
                .isEqualTo(Duration.ofSeconds(75));
        assertThat(OutboxRelay.lease(template(Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000"))))
                .isEqualTo(Duration.ofSeconds(330));
    }

    @Test
    void aProducerWithoutADeliveryTimeoutHasKafkasTwoMinutes() {
        assertThat(OutboxRelay.lease(template(Map.of()))).isEqualTo(Duration.ofSeconds(150));
    }

    private static KafkaTemplate<String, String> template(Map<String, Object> settings) {
        Map<String, Object> configuration = new HashMap<>(settings);
        configuration.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(configuration, new StringSerializer(),
                new StringSerializer()));
    }
}
