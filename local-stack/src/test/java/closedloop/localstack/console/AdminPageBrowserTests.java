package closedloop.localstack.console;

import closedloop.contracts.Topics;
import closedloop.localstack.LocalStack;
import closedloop.localstack.WholeStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The administrator's page on the whole embedded default: a record no service can read, published on the stack's
 * broker, shows as a dead letter of each service whose groups read its topic, with where it came from and why; a
 * discard without a reason is refused next to the field, one with a reason says who discarded it.
 */
@ExtendWith(WholeStack.class)
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class AdminPageBrowserTests {

    ConsoleBrowser browser;
    LocalStack stack;

    @BeforeEach
    void openTheConsole(LocalStack stack) {
        this.stack = stack;
        browser = ConsoleBrowser.open(stack.consoleUrl(), "admin-dead-letters", "Asia/Shanghai");
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    @Test
    void showsEachServicesDeadLettersAndDiscardsOneWithItsReason() throws Exception {
        String key = "unreadable-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.INTAKE_COMPLAINT, key, "{\"no\":\"type header\"}"))
                    .get(10, TimeUnit.SECONDS);
        }
        By routerLetter = By.cssSelector("#dead-letters-ticket-router .dead-letter[data-key='" + key + "']");
        awaitDeadLetteredBy("ticket-router", key);

        browser.signInAs("admin").visit("#/admin").language("en");
        assertThat(browser.find(By.cssSelector("#nav-admin[aria-current=page]")).getText()).isEqualTo("Administration");
        browser.waitFor(routerLetter);
        assertThat(browser.find(routerLetter).getText()).contains(Topics.INTAKE_COMPLAINT, "group ticket-router",
                "MalformedEventException", "Open");
        browser.screenshot("dead-letter-open");

        By reason = By.cssSelector("#dead-letters-ticket-router .dead-letter[data-key='" + key + "'] input[name=reason]");
        By discard = By.cssSelector("#dead-letters-ticket-router .dead-letter[data-key='" + key + "'] form.discard button");
        browser.click(discard);
        browser.waitFor(By.cssSelector("#dead-letters-ticket-router .dead-letter[data-key='" + key
                + "'] input[name=reason][aria-invalid=true]"));

        browser.type(reason, "sent by a broken test tool").click(discard);
        browser.waitFor(By.cssSelector("#dead-letters-ticket-router .dead-letter[data-key='" + key
                + "'][data-state=DISCARDED]"));
        assertThat(browser.find(routerLetter).getText()).contains("Discarded by admin", "sent by a broken test tool");
        browser.screenshot("dead-letter-discarded");
    }

    /** Reads the topic's dead-letter twin until the group has put the record with this key there. */
    private void awaitDeadLetteredBy(String group, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.deadLetter(Topics.INTAKE_COMPLAINT)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Header failed = record.headers().lastHeader("kafka_dlt-original-consumer-group");
                    if (key.equals(record.key()) && failed != null
                            && group.equals(new String(failed.value(), StandardCharsets.UTF_8))) {
                        return true;
                    }
                }
                return false;
            });
        }
    }
}
