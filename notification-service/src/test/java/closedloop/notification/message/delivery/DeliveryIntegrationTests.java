package closedloop.notification.message.delivery;

import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.MessageFailed;
import closedloop.contracts.MessageSent;
import closedloop.notification.NotificationServiceApplication;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageStatus;
import closedloop.notification.message.Messages;
import closedloop.notification.message.Messenger;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.notice.Notices;
import closedloop.notification.template.MessageTemplates;
import closedloop.platform.PeriodicPass;
import closedloop.platform.PhoneNumbers;
import closedloop.platform.WaitingMarkers;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import closedloop.testsupport.MovableClockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.badRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Delivery against a real HTTP SMS gateway (WireMock), a real broker and a real database: quick retries inside an
 * attempt, durable retries between attempts by the movable clock, the circuit breaker, quiet hours, failure and the
 * supervisors' alert.
 */
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + NotificationServiceApplication.NAME,
        "closedloop.notification.delivery.poll-interval=100ms",
        "closedloop.notification.email.supervisors=duty@example.com,head@example.com",
        "resilience4j.retry.instances.sms.wait-duration=10ms",
        "resilience4j.timelimiter.instances.sms.timeout-duration=2s",
        "resilience4j.circuitbreaker.instances.sms.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.sms.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.sms.wait-duration-in-open-state=PT5M",
        "resilience4j.circuitbreaker.instances.sms.permitted-number-of-calls-in-half-open-state=2"})
abstract class DeliveryIntegrationTests {

    static final String SMS = "/sms";
    static final String PHONE = "13800138000";

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void gatewayUrl(DynamicPropertyRegistry registry) {
        registry.add("closedloop.notification.sms.url", () -> gateway.baseUrl() + SMS);
    }

    @Autowired
    Messenger messenger;

    @Autowired
    Messages messages;

    @Autowired
    DueMessages due;

    @Autowired
    MessageTemplates templates;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    WaitingMarkers waitingMarkers;

    @Autowired
    @Qualifier(DeliveryConfiguration.DELIVERY_PASS)
    PeriodicPass deliveryPass;

    @Autowired
    MutableClock clock;

    KafkaProbe kafka;

    @BeforeEach
    void startAfresh() {
        clock.setInstant(MovableClockConfiguration.START);
        mongo.remove(new Query(), Message.class).block();
        gateway.resetAll();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void sendsAMessageOnceWhenTheGatewayFailsAndRecoversWithinOneAttempt() {
        gateway.stubFor(post(SMS).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("recovered"));
        gateway.stubFor(post(SMS).inScenario("outage").whenScenarioStateIs("recovered").willReturn(ok()));
        Outgoing sms = customerSms();

        messenger.send(sms).block();

        String id = Message.idFor(sms);
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));
        Message sent = message(id);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).isEqualTo(MovableClockConfiguration.START);
        assertThat(sent.outgoing()).isEqualTo(sms);
        assertThat(mongo.findById(id, Document.class, "messages").block().get("outgoing", Document.class))
                .containsEntry("causeEventId", sms.causeEventId().toString())
                .containsEntry("recipient", PHONE)
                .containsEntry("purpose", "REGISTRATION_ACK");
        assertThat(requestsFor(id)).isEqualTo(2);
        gateway.verify(postRequestedFor(urlEqualTo(SMS))
                .withRequestBody(matchingJsonPath("$.reference", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.to", equalTo(PHONE)))
                .withRequestBody(matchingJsonPath("$.text", equalTo(sms.text()))));
        kafka.awaitEvent(MessageSent.class, event -> event.messageId().equals(id));
        assertThat(kafka.events(MessageSent.class)).filteredOn(event -> event.messageId().equals(id)).hasSize(1);
    }

    @Test
    void triesAgainWithinTheAttemptWhenTheGatewayTimesOut() {
        gateway.stubFor(post(SMS).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok().withFixedDelay(6_000)).willSetStateTo("fast"));
        gateway.stubFor(post(SMS).inScenario("slow").whenScenarioStateIs("fast").willReturn(ok()));
        Outgoing sms = customerSms();

        messenger.send(sms).block();

        String id = Message.idFor(sms);
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));
        assertThat(message(id).attempts()).isEqualTo(1);
        await().untilAsserted(() -> assertThat(requestsFor(id)).isEqualTo(2));
    }

    @Test
    void keepsAMessagePendingAfterAFailedAttemptAndSendsItWhenItIsDueAgain() {
        gateway.stubFor(post(SMS).willReturn(serviceUnavailable()));
        Outgoing sms = customerSms();
        String id = Message.idFor(sms);

        messenger.send(sms).block();

        await().untilAsserted(() -> assertThat(message(id).attempts()).isEqualTo(1));
        Message pending = message(id);
        assertThat(pending.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(pending.lastError()).contains("503");
        assertThat(pending.lastAttemptAt()).isEqualTo(MovableClockConfiguration.START);
        assertThat(pending.nextAttemptAt()).isEqualTo(MovableClockConfiguration.START.plusSeconds(30));
        assertThat(pending.leaseUntil()).isNull();
        assertThat(requestsFor(id)).isEqualTo(3);
        gateway.stubFor(post(SMS).willReturn(ok()));

        clock.add(Duration.ofSeconds(30));

        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));
        assertThat(message(id).attempts()).isEqualTo(2);
        assertThat(message(id).sentAt()).isEqualTo(MovableClockConfiguration.START.plusSeconds(30));
        assertThat(requestsFor(id)).isEqualTo(4);
        kafka.awaitEvent(MessageSent.class, event -> event.messageId().equals(id));
    }

    @Test
    void neverRetriesACustomerSmsIntoTheQuietHours() {
        gateway.stubFor(post(SMS).willReturn(serviceUnavailable()));
        Instant justBeforeNine = Instant.parse("2026-11-23T12:59:50Z");
        Instant eight = Instant.parse("2026-11-24T00:00:00Z");
        clock.setInstant(justBeforeNine);
        Outgoing sms = customerSms();
        String id = Message.idFor(sms);

        messenger.send(sms).block();

        await().untilAsserted(() -> assertThat(message(id).attempts()).isEqualTo(1));
        assertThat(message(id).status()).isEqualTo(MessageStatus.PENDING);
        assertThat(message(id).nextAttemptAt()).isEqualTo(eight);
    }

    @Test
    void failsAMessageTheGatewayRefusesForGoodAndAlertsTheSupervisors() {
        gateway.stubFor(post(SMS).willReturn(badRequest().withBody("{\"error\":\"no such number\"}")));
        Outgoing sms = customerSms();
        String id = Message.idFor(sms);

        messenger.send(sms).block();

        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.FAILED));
        Message failed = message(id);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("400").contains("no such number");
        assertThat(failed.failedAt()).isEqualTo(MovableClockConfiguration.START);
        assertThat(requestsFor(id)).isEqualTo(1);
        assertThat(breakers.circuitBreaker("sms").getMetrics().getNumberOfFailedCalls()).isZero();
        MessageFailed event = kafka.awaitEvent(MessageFailed.class, e -> e.messageId().equals(id));
        assertThat(event.attempts()).isEqualTo(1);
        assertThat(event.purpose()).isEqualTo("REGISTRATION_ACK");
        assertThat(event.channel()).isEqualTo("SMS");
        assertThat(event.recipient()).isEqualTo(PHONE);
        Golden.assertSameShape(event);
        assertAlerted(failed);
    }

    @Test
    void givesUpAMessageOlderThanTheMaximumAgeAndAlertsTheSupervisors() {
        gateway.stubFor(post(SMS).willReturn(serviceUnavailable()));
        Outgoing sms = customerSms();
        String id = Message.idFor(sms);
        messenger.send(sms).block();
        await().untilAsserted(() -> assertThat(message(id).attempts()).isEqualTo(1));

        clock.add(Duration.ofHours(24));

        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.FAILED));
        Message failed = message(id);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("503");
        assertThat(requestsFor(id)).isEqualTo(3);
        MessageFailed event = kafka.awaitEvent(MessageFailed.class, e -> e.messageId().equals(id));
        assertThat(event.lastError()).contains("503");
        assertAlerted(failed);
    }

    @Test
    void raisesNoFurtherAlertWhenAnAlertFails() {
        gateway.stubFor(post(SMS).willReturn(badRequest()));
        Outgoing alert = new Outgoing(UUID.randomUUID(), UUID.randomUUID().toString(), Purpose.DELIVERY_FAILED,
                RecipientKind.SUPERVISORS, MessageChannel.SMS, PHONE, null, "A message could not be delivered");
        String id = Message.idFor(alert);

        messenger.send(alert).block();

        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.FAILED));
        MessageFailed failed = kafka.awaitEvent(MessageFailed.class, e -> e.messageId().equals(id));
        MessageFailed later = new MessageFailed(UUID.randomUUID(), failed.occurredAt(), alert.complaintId(),
                UUID.randomUUID().toString(), PHONE, "SMS", "REGISTRATION_ACK", 1, "400 no such number");

        kafka.publish(later);

        // the later failure of the same complaint shares the partition: once its alerts are recorded, the failed
        // alert's own event was handled before it
        String laterLive = Message.idFor(later.eventId(), Purpose.DELIVERY_FAILED, RecipientKind.SUPERVISORS,
                MessageChannel.LIVE);
        String laterMail = Message.idFor(later.eventId(), Purpose.DELIVERY_FAILED, RecipientKind.SUPERVISORS,
                MessageChannel.EMAIL);
        await().untilAsserted(() -> assertThat(messagesOf(alert.complaintId())).extracting(Message::id)
                .contains(laterLive, laterMail));
        assertThat(messagesOf(alert.complaintId())).extracting(Message::id)
                .containsExactlyInAnyOrder(id, laterLive, laterMail);
    }

    @Test
    void stopsCallingTheGatewayWhileTheBreakerIsOpenAndClosesItAfterSuccessfulTrials() {
        CircuitBreaker breaker = breakers.circuitBreaker("sms");
        List<Outgoing> sms = twoSmsThatOpenTheBreaker();
        Outgoing first = sms.get(0);
        Outgoing second = sms.get(1);

        clock.add(Duration.ofSeconds(30));

        await().untilAsserted(() -> assertThat(List.of(message(Message.idFor(first)), message(Message.idFor(second))))
                .allSatisfy(message -> {
                    assertThat(message.attempts()).isEqualTo(2);
                    assertThat(message.lastError()).contains("OPEN");
                }));
        assertThat(requests()).isEqualTo(4);
        gateway.stubFor(post(SMS).willReturn(ok()));

        clock.add(Duration.ofMinutes(5));

        await().untilAsserted(() -> assertThat(List.of(message(Message.idFor(first)), message(Message.idFor(second))))
                .allSatisfy(message -> {
                    assertThat(message.status()).isEqualTo(MessageStatus.SENT);
                    assertThat(message.attempts()).isEqualTo(3);
                }));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(requests()).isEqualTo(6);
    }

    @Test
    void opensTheBreakerAgainWhenItsTrialCallsFail() {
        CircuitBreaker breaker = breakers.circuitBreaker("sms");
        List<Outgoing> sms = twoSmsThatOpenTheBreaker();
        Outgoing first = sms.get(0);
        Outgoing second = sms.get(1);

        clock.add(Duration.ofMinutes(5).plusSeconds(1));

        // half open: its two trial calls reach the gateway, fail, and the breaker opens again
        await().untilAsserted(() -> assertThat(List.of(message(Message.idFor(first)), message(Message.idFor(second))))
                .allSatisfy(message -> assertThat(message.attempts()).isEqualTo(2)));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(requests()).isEqualTo(6);
        assertThat(List.of(message(Message.idFor(first)), message(Message.idFor(second))))
                .allSatisfy(message -> assertThat(message.status()).isEqualTo(MessageStatus.PENDING));
    }

    @Test
    void takesOverAMessageACrashedInstanceLeftLeasedOnceTheLeaseRunsOut() {
        gateway.stubFor(post(SMS).willReturn(ok()));
        Outgoing sms = customerSms();
        String id = Message.idFor(sms);
        Instant due = clock.instant().plus(Duration.ofHours(1));
        messages.insert(Message.recorded(sms, clock.instant(), due)).block();
        Instant leaseEnd = Instant.now().plusSeconds(2);
        mongo.updateFirst(new Query(where("_id").is(id)),
                new org.springframework.data.mongodb.core.query.Update().set("leaseUntil", leaseEnd),
                Message.class).block();

        clock.setInstant(due);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));
        assertThat(requestsFor(id)).isEqualTo(1);
        assertThat(gateway.getAllServeEvents()).singleElement()
                .satisfies(served -> assertThat(served.getRequest().getLoggedDate().toInstant())
                        .isAfterOrEqualTo(leaseEnd.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }

    @Test
    void holdsACustomerSmsUntilEightInTheMorningButNeverAStaffMessage() {
        gateway.stubFor(post(SMS).willReturn(ok()));
        Instant halfPastNine = Instant.parse("2026-11-23T13:30:00Z");
        Instant eight = Instant.parse("2026-11-24T00:00:00Z");
        clock.setInstant(halfPastNine);
        Outgoing sms = customerSms();
        Outgoing branch = new Outgoing(UUID.randomUUID(), sms.complaintId(), Purpose.SLA_WARNING,
                RecipientKind.BRANCH, MessageChannel.LIVE, Message.branchRecipient("LIXIA-01"), null, "Reminder");

        messenger.send(sms).block();
        messenger.send(branch).block();

        await().untilAsserted(() -> assertThat(message(Message.idFor(branch)).status()).isEqualTo(MessageStatus.SENT));
        Message held = message(Message.idFor(sms));
        assertThat(held.status()).isEqualTo(MessageStatus.HELD);
        assertThat(held.heldUntil()).isEqualTo(eight);
        assertThat(held.nextAttemptAt()).isEqualTo(eight);
        clock.setInstant(eight.minusSeconds(1));
        // the pass running now may have read the clock before it moved: the one after it has not
        long passes = deliveryPass.completedPasses();
        await().until(() -> deliveryPass.completedPasses() >= passes + 2);
        assertThat(requestsFor(held.id())).isZero();
        assertThat(message(held.id()).status()).isEqualTo(MessageStatus.HELD);

        clock.setInstant(eight);

        await().untilAsserted(() -> assertThat(message(held.id()).status()).isEqualTo(MessageStatus.SENT));
        assertThat(message(held.id()).sentAt()).isEqualTo(eight);
        assertThat(message(held.id()).attempts()).isEqualTo(1);
        assertThat(requestsFor(held.id())).isEqualTo(1);
    }

    @Test
    void sendsOneSmsForARegistrationDeliveredTwice() {
        gateway.stubFor(post(SMS).willReturn(ok()));
        ComplaintRegistered golden = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
        ComplaintRegistered registered = new ComplaintRegistered(UUID.randomUUID(), golden.occurredAt(),
                UUID.randomUUID().toString(), golden.number(), golden.channel(), golden.category(),
                golden.priority(), golden.customer(), golden.district(), golden.description(), golden.actor());
        ComplaintClosed goldenClosed = (ComplaintClosed) Golden.event(EventType.COMPLAINT_CLOSED);
        ComplaintClosed closed = new ComplaintClosed(UUID.randomUUID(), goldenClosed.occurredAt(),
                registered.complaintId(), goldenClosed.outcome(), goldenClosed.actor());
        kafka.publish(registered);
        kafka.publish(registered);

        kafka.publish(closed);

        // one complaint's events share a partition: once the closure is handled, so are both registrations
        String ack = Message.idFor(registered.eventId(), Purpose.REGISTRATION_ACK, RecipientKind.CUSTOMER,
                MessageChannel.SMS);
        String closure = Message.idFor(closed.eventId(), Purpose.CLOSURE_NOTICE, RecipientKind.CUSTOMER,
                MessageChannel.SMS);
        await().untilAsserted(() -> assertThat(messagesOf(registered.complaintId()))
                .filteredOn(message -> message.status() == MessageStatus.SENT)
                .extracting(Message::id).containsExactlyInAnyOrder(ack, closure));
        assertThat(requestsFor(ack)).isEqualTo(1);
        assertThat(requestsFor(closure)).isEqualTo(1);
    }

    @Test
    void leasesADueMessageToOnlyOneOfTwoPasses() {
        Outgoing sms = customerSms();
        Instant later = MovableClockConfiguration.START.plus(Duration.ofHours(1));
        Message held = messages.insert(Message.recorded(sms, MovableClockConfiguration.START, later)).block();
        Instant leaseNow = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant leaseUntil = leaseNow.plus(Duration.ofMinutes(1));

        List<Message> claimed = Flux.merge(
                        due.claim(held, later, leaseNow, leaseUntil), due.claim(held, later, leaseNow, leaseUntil))
                .collectList().block();

        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).version()).isEqualTo(held.version() + 1);
        assertThat(message(held.id()).leaseUntil()).isEqualTo(leaseUntil);
        assertThat(due.find(later, leaseNow, 100).map(Message::id).collectList().block()).doesNotContain(held.id());
        assertThat(due.find(later, leaseUntil.plusMillis(1), 100).map(Message::id).collectList().block())
                .contains(held.id());
        assertThat(due.claim(held, later, leaseNow, leaseUntil).blockOptional()).isEmpty();
    }

    @Test
    void marksAMessageWaitingInItsDocumentUntilItIsSent() {
        gateway.stubFor(post(SMS).willReturn(ok()));
        Instant later = clock.instant().plus(Duration.ofHours(1));
        Message held = messages.insert(Message.recorded(customerSms(), clock.instant(), later)).block();

        assertThat(stored(held.id())).containsKey(Message.AWAITING_DELIVERY);
        clock.setInstant(later);

        await().untilAsserted(() -> assertThat(message(held.id()).status()).isEqualTo(MessageStatus.SENT));
        assertThat(stored(held.id())).doesNotContainKey(Message.AWAITING_DELIVERY);
    }

    @Test
    void deliversAMessageStoredWaitingBeforeTheMarkerExistedOnceTheMarkerIsBackfilled() {
        gateway.stubFor(post(SMS).willReturn(ok()));
        Instant later = clock.instant().plus(Duration.ofHours(1));
        Message unmarked = messages.insert(Message.recorded(customerSms(), clock.instant(), later)).block();
        Message sent = Message.pending(customerSms(), clock.instant());
        sent.markSent(clock.instant());
        messages.insert(sent).block();
        unsetMarker(unmarked.id());
        assertThat(due.find(later, Instant.now(), 100).map(Message::id).collectList().block())
                .doesNotContain(unmarked.id());

        assertThat(waitingMarkers.backfill().block()).isEqualTo(1L);

        assertThat(stored(unmarked.id())).containsKey(Message.AWAITING_DELIVERY);
        assertThat(stored(sent.id())).doesNotContainKey(Message.AWAITING_DELIVERY);
        assertThat(due.find(later, Instant.now(), 100).map(Message::id).collectList().block())
                .containsExactly(unmarked.id());
        clock.setInstant(later);
        await().untilAsserted(() -> assertThat(message(unmarked.id()).status()).isEqualTo(MessageStatus.SENT));
        assertThat(requestsFor(unmarked.id())).isEqualTo(1);
    }

    /**
     * Sends two customer SMS to a gateway that answers 503: the first one's three calls and the second one's first
     * call are four failures of four calls, which open the breaker, so the quick retries stop at once.
     */
    List<Outgoing> twoSmsThatOpenTheBreaker() {
        gateway.stubFor(post(SMS).willReturn(serviceUnavailable()));
        Outgoing first = customerSms();
        Outgoing second = customerSms();
        messenger.send(first).block();
        await().untilAsserted(() -> assertThat(message(Message.idFor(first)).attempts()).isEqualTo(1));

        messenger.send(second).block();

        await().untilAsserted(() -> assertThat(message(Message.idFor(second)).attempts()).isEqualTo(1));
        assertThat(breakers.circuitBreaker("sms").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(message(Message.idFor(second)).lastError()).contains("OPEN");
        assertThat(requests()).isEqualTo(4);
        return List.of(first, second);
    }

    /** The supervisors were told on their consoles and by mail, with the failed message's particulars. */
    void assertAlerted(Message failed) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("complaintId", failed.complaintId());
        variables.put("purpose", failed.purpose());
        variables.put("channel", failed.channel());
        variables.put("recipient", PhoneNumbers.maskAll(failed.recipient()));
        variables.put("attempts", failed.attempts());
        variables.put("lastError", failed.lastError());
        String live = Message.idFor(failed.failureEventId(), Purpose.DELIVERY_FAILED, RecipientKind.SUPERVISORS,
                MessageChannel.LIVE);
        String mail = Message.idFor(failed.failureEventId(), Purpose.DELIVERY_FAILED, RecipientKind.SUPERVISORS,
                MessageChannel.EMAIL);
        await().untilAsserted(() -> assertThat(message(live).status()).isEqualTo(MessageStatus.SENT));
        assertThat(message(live).recipient()).isEqualTo(Notices.SUPERVISORS_LIVE);
        assertThat(message(live).text()).isEqualTo(templates.render(Purpose.DELIVERY_FAILED,
                RecipientKind.SUPERVISORS, MessageChannel.LIVE, variables).text());
        assertThat(message(mail).recipient()).isEqualTo("duty@example.com,head@example.com");
        assertThat(message(mail).subject()).isEqualTo(templates.render(Purpose.DELIVERY_FAILED,
                RecipientKind.SUPERVISORS, MessageChannel.EMAIL, variables).subject());
        assertThat(messagesOf(failed.complaintId())).hasSize(3);
    }

    static Outgoing customerSms() {
        return new Outgoing(UUID.randomUUID(), UUID.randomUUID().toString(), Purpose.REGISTRATION_ACK,
                RecipientKind.CUSTOMER, MessageChannel.SMS, PHONE, null, "Your complaint has been registered.");
    }

    Message message(String id) {
        return mongo.findById(id, Message.class).blockOptional().orElseThrow(() -> new AssertionError("No " + id));
    }

    /** The message's document as stored. */
    Document stored(String id) {
        return mongo.findById(id, Document.class, "messages").blockOptional()
                .orElseThrow(() -> new AssertionError("No " + id));
    }

    /** Makes the message look stored before waiting markers existed. */
    void unsetMarker(String id) {
        mongo.updateFirst(new Query(where("_id").is(id)),
                new org.springframework.data.mongodb.core.query.Update().unset(Message.AWAITING_DELIVERY),
                "messages").block();
    }

    List<Message> messagesOf(String complaintId) {
        return mongo.find(new Query(where("outgoing.complaintId").is(complaintId)), Message.class).collectList().block();
    }

    static int requestsFor(String messageId) {
        return gateway.findAll(postRequestedFor(urlEqualTo(SMS))
                .withRequestBody(matchingJsonPath("$.reference", equalTo(messageId)))).size();
    }

    static int requests() {
        return gateway.findAll(postRequestedFor(urlEqualTo(SMS))).size();
    }
}
