package closedloop.notification.channel;

import closedloop.testsupport.FreePorts;
import closedloop.notification.NotificationServiceApplication;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Messages;
import closedloop.notification.message.Messenger;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.message.UndeliverableMessageException;
import closedloop.notification.channel.messaging.LiveMessagesListener;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import closedloop.testsupport.MovableClockConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * The channels and the message query in the running service: mail through a real SMTP server (GreenMail), the live
 * stream over HTTP, and the list of messages in a real database.
 */
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + NotificationServiceApplication.NAME,
                "closedloop.notification.live.heartbeat=PT1H"})
abstract class ChannelIntegrationTests {

    static final int SMTP_PORT = FreePorts.next();
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(new ServerSetup(SMTP_PORT, "localhost", "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // nobody listens here: SMS messages stay PENDING, whatever retries run
        registry.add("closedloop.notification.sms.url", () -> "http://localhost:" + FreePorts.next() + "/sms");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MutableClock clock;

    @Autowired
    SmtpEmailSender email;

    @Autowired
    LiveMessagesListener liveFeed;

    @Autowired
    Messages messages;

    @Autowired
    Messenger messenger;

    /** Filled by {@link KafkaProbeExtension}, which wants one. */
    KafkaProbe kafka;

    @BeforeEach
    void resetClock() {
        clock.setInstant(MovableClockConfiguration.START);
    }

    @Test
    void mailsTheSubjectAndChineseTextToEveryAddressWithAMessageIdOfTheMessage() throws Exception {
        String dispatcher = "dispatch-" + UUID.randomUUID() + "@lixia.example";
        String manager = "manager-" + UUID.randomUUID() + "@lixia.example";
        Message message = pending(MessageChannel.EMAIL, dispatcher + ", " + manager, "新工单 T-1 / New ticket T-1",
                "历下支局：工单 T-1 已派发，请于24小时内签收。");

        StepVerifier.create(email.deliver(message)).verifyComplete();

        MimeMessage received = await().until(() -> receivedBy(dispatcher), hasSize(1)).get(0);
        assertThat(received.getSubject()).isEqualTo("新工单 T-1 / New ticket T-1");
        assertThat(((String) received.getContent()).strip()).isEqualTo("历下支局：工单 T-1 已派发，请于24小时内签收。");
        assertThat(Arrays.stream(received.getRecipients(RecipientType.TO)).map(Object::toString))
                .containsExactlyInAnyOrder(dispatcher, manager);
        assertThat(received.getFrom()[0].toString()).isEqualTo("closed-loop@localhost");
        assertThat(received.getMessageID()).isEqualTo("<" + message.id() + "@closed-loop.notification>");
        assertThat(receivedBy(manager)).hasSize(1);
    }

    @Test
    void refusesAMalformedAddressForGood() {
        Message message = pending(MessageChannel.EMAIL, "dispatch@@lixia", "New ticket", "A new ticket.");

        StepVerifier.create(email.deliver(message))
                .expectError(UndeliverableMessageException.class)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void streamsOnlyTheMessagesToTheRecipientAsTheyAreDelivered() {
        String branch = Message.branchRecipient("X-" + UUID.randomUUID());
        String otherBranch = Message.branchRecipient("Y-" + UUID.randomUUID());
        Outgoing forOther = live(otherBranch, "for Y");
        Outgoing first = live(branch, "工单 T-1 催办");
        Outgoing second = live(branch, "second for X");
        await().until(liveFeed::isListening);

        Flux<ServerSentEvent<String>> events = web.get().uri("/api/v1/live?recipient={r}", branch)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody();

        StepVerifier.create(events)
                .assertNext(heartbeat -> assertThat(heartbeat.comment()).isEqualTo("heartbeat"))
                .then(() -> Flux.concat(messenger.send(forOther), messenger.send(first)).blockLast())
                .assertNext(event -> assertEvent(event, Message.pending(first, clock.instant())))
                .then(() -> messenger.send(second).block())
                .assertNext(event -> assertEvent(event, Message.pending(second, clock.instant())))
                .thenCancel()
                .verify(Duration.ofSeconds(20));
    }

    static Outgoing live(String recipient, String text) {
        return new Outgoing(UUID.randomUUID(), UUID.randomUUID().toString(), Purpose.SLA_WARNING,
                RecipientKind.BRANCH, MessageChannel.LIVE, recipient, null, text);
    }

    @Test
    void requiresTheRecipientOfTheLiveStream() {
        web.get().uri("/api/v1/live")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("recipient");
        web.get().uri("/api/v1/live?recipient= ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("recipient");
    }

    @Test
    void listsTheMessagesOfAComplaintOldestFirstAPageAtATimeWithTheirCount() {
        String complaint = "C-" + UUID.randomUUID();
        String phone = phone();
        Message first = stored(complaint, phone);
        clock.add(Duration.ofMinutes(1));
        Message second = sentLive(complaint, Message.branchRecipient("LIXIA-" + UUID.randomUUID()));
        clock.add(Duration.ofMinutes(1));
        Message third = stored(complaint, phone);

        await().untilAsserted(() -> list("complaintId=" + complaint)
                .expectHeader().valueEquals("X-Total-Count", "3")
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].id").isEqualTo(first.id())
                .jsonPath("$[1].id").isEqualTo(second.id())
                .jsonPath("$[1].status").isEqualTo("SENT")
                .jsonPath("$[2].id").isEqualTo(third.id())
                .jsonPath("$[2].status").isEqualTo("PENDING"));
        list("complaintId=" + complaint + "&size=2&page=1")
                .expectHeader().valueEquals("X-Total-Count", "3")
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(third.id());
        list("complaintId=" + complaint + "&size=2&page=0")
                .expectBody()
                .jsonPath("$[*].id").value(contains(first.id(), second.id()));
    }

    @Test
    void filtersByRecipientStatusAndComplaintInAnyCombination() {
        String oneComplaint = "C-" + UUID.randomUUID();
        String otherComplaint = "C-" + UUID.randomUUID();
        String phone = phone();
        String branch = Message.branchRecipient("LIXIA-" + UUID.randomUUID());
        Message toPhone = stored(oneComplaint, phone);
        clock.add(Duration.ofMinutes(1));
        Message toBranch = sentLive(oneComplaint, branch);
        clock.add(Duration.ofMinutes(1));
        Message otherToPhone = stored(otherComplaint, phone);

        await().untilAsserted(() -> list("recipient=" + branch + "&status=SENT").expectBody()
                .jsonPath("$[*].id").value(contains(toBranch.id())));
        list("recipient=" + branch + "&status=PENDING").expectBody().jsonPath("$.length()").isEqualTo(0);
        searched(Map.of("recipient", phone)).expectBody()
                .jsonPath("$[*].id").value(contains(toPhone.id(), otherToPhone.id()));
        searched(Map.of("recipient", phone, "status", "PENDING")).expectBody()
                .jsonPath("$[*].id").value(contains(toPhone.id(), otherToPhone.id()));
        searched(Map.of("recipient", phone, "status", "SENT")).expectBody().jsonPath("$.length()").isEqualTo(0);
        list("complaintId=" + oneComplaint + "&status=PENDING").expectBody()
                .jsonPath("$[*].id").value(contains(toPhone.id()));
        list("complaintId=" + oneComplaint + "&recipient=" + branch).expectBody()
                .jsonPath("$[*].id").value(contains(toBranch.id()));
        searched(Map.of("complaintId", otherComplaint, "recipient", phone, "status", "PENDING")).expectBody()
                .jsonPath("$[*].id").value(contains(otherToPhone.id()));
        list("status=PENDING&size=200").expectBody()
                .jsonPath("$[*].id").value(hasItems(toPhone.id(), otherToPhone.id()))
                .jsonPath("$[*].id").value(not(hasItem(toBranch.id())));
    }

    @Test
    void refusesACustomersPhoneAsRecipientInTheUrlAndFindsTheirMessagesByTheBody() {
        String complaint = "C-" + UUID.randomUUID();
        String phone = phone();
        Message toPhone = stored(complaint, phone);

        for (String recipient : List.of(phone, "+86 " + phone, "0531-88886666")) {
            web.get().uri(builder -> builder.path("/api/v1/messages").queryParam("recipient", recipient).build())
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("recipient")
                    .jsonPath("$.errors[0].message").isEqualTo("must not be a phone number in the URL: POST the "
                            + "filters to /api/v1/messages/_search");
        }
        searched(Map.of("recipient", phone, "size", 10, "page", "0")).expectHeader().valueEquals("X-Total-Count", "1")
                .expectBody()
                .jsonPath("$[0].id").isEqualTo(toPhone.id())
                // test.staff is a supervisor too: the one role that sees the message log's phones as sent
                .jsonPath("$[0].recipient").isEqualTo(phone);
        list("recipient= &complaintId=" + complaint).expectBody().jsonPath("$[0].id").isEqualTo(toPhone.id());
    }

    @Test
    void refusesABadSearchBodyNamingEachFieldWithoutEchoingThePhone() {
        web.post().uri("/api/v1/messages/_search")
                .bodyValue(Map.of("recipient", "1".repeat(321), "status", "LOST", "page", -1, "size", 201))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(containsInAnyOrder("recipient", "status", "page", "size"));
        web.post().uri("/api/v1/messages/_search").bodyValue(Map.of("page", 0))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(containsInAnyOrder("complaintId", "recipient", "status"));
        web.post().uri("/api/v1/messages/_search").bodyValue(Map.of("recipient", List.of("13800138000")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("\"field\":\"recipient\"").doesNotContain("13800138000"));
    }

    @Test
    void rejectsABadStatusPageAndSizeNamingEachField() {
        web.get().uri("/api/v1/messages?complaintId=C-1&status=LOST&page=-1&size=201")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(containsInAnyOrder("status", "page", "size"));
        web.get().uri("/api/v1/messages?complaintId=C-1&page=first&size=0")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(containsInAnyOrder("page", "size"));
    }

    @Test
    void requiresAtLeastOneFilterNamingEachOfThem() {
        web.get().uri("/api/v1/messages?page=0")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(containsInAnyOrder("complaintId", "recipient", "status"));
    }

    void assertEvent(ServerSentEvent<String> event, Message message) {
        assertThat(event.event()).isEqualTo("message");
        assertThat(event.id()).isEqualTo(message.id());
        JsonNode data = json(event.data());
        assertThat(data.path("id").asText()).isEqualTo(message.id());
        assertThat(data.path("complaintId").asText()).isEqualTo(message.complaintId());
        assertThat(data.path("purpose").asText()).isEqualTo(message.purpose().name());
        assertThat(data.path("recipient").asText()).isEqualTo(message.recipient());
        assertThat(data.path("text").asText()).isEqualTo(message.text());
        assertThat(data.path("createdAt").asText()).isEqualTo(message.createdAt().toString());
    }

    Message pending(MessageChannel channel, String recipient, String subject, String text) {
        return Message.pending(new Outgoing(UUID.randomUUID(), "C-" + UUID.randomUUID(), Purpose.NEW_TICKET,
                RecipientKind.BRANCH, channel, recipient, subject, text), clock.instant());
    }

    /** The mails in the address's mailbox: GreenMail keeps one copy per recipient. */
    /** A customer SMS recorded and not delivered: nobody listens at the gateway's address, so it stays PENDING. */
    Message stored(String complaintId, String phone) {
        Message message = Message.pending(new Outgoing(UUID.randomUUID(), complaintId, Purpose.REGISTRATION_ACK,
                RecipientKind.CUSTOMER, MessageChannel.SMS, phone, null, "您的投诉已登记"), clock.instant());
        messages.insert(message).block(Duration.ofSeconds(10));
        return message;
    }

    /** A message to the branch's console, sent through the messenger and so the live channel. */
    Message sentLive(String complaintId, String branch) {
        Outgoing outgoing = new Outgoing(UUID.randomUUID(), complaintId, Purpose.SLA_WARNING, RecipientKind.BRANCH,
                MessageChannel.LIVE, branch, null, "催办");
        messenger.send(outgoing).block(Duration.ofSeconds(10));
        return Message.pending(outgoing, clock.instant());
    }

    WebTestClient.ResponseSpec list(String query) {
        return web.get().uri("/api/v1/messages?" + query).exchange().expectStatus().isOk();
    }

    /** The messages matching the filters of the body: a customer's phone never goes in a URL. */
    WebTestClient.ResponseSpec searched(Map<String, ?> filters) {
        return web.post().uri("/api/v1/messages/_search").bodyValue(filters).exchange().expectStatus().isOk();
    }

    static String phone() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    List<MimeMessage> receivedBy(String address) {
        return mailServer.findReceivedMessages(user -> user.getEmail().equals(address), mime -> true).toList();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
