package closedloop.notification;

import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOpened;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.Customer;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.ObligationFulfilled;
import closedloop.contracts.Golden;
import closedloop.contracts.MessageSent;
import closedloop.contracts.ProblemSolved;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketWarned;
import closedloop.contracts.Topics;
import closedloop.notification.channel.LocalChannelServers;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.notice.Acknowledgements;
import closedloop.platform.PhoneNumbers;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.kafka.HeldPartitions;
import closedloop.platform.security.Role;
import closedloop.testsupport.MovableClockConfiguration;
import closedloop.testsupport.TestIssuer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/** The notification service against a real broker and database, driven by the golden events; messages in English. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + NotificationServiceApplication.NAME,
                "closedloop.notification.language.customer=en", "closedloop.notification.language.staff=en",
                "closedloop.notification.email.supervisors=duban@example.test,head@example.test",
                "closedloop.notification.email.branch-address={branch}@branches.test"})
abstract class NotificationIntegrationTests extends NotificationScenario {

    static final ComplaintRegistered REGISTERED = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
    static final TicketResolved RESOLVED = (TicketResolved) Golden.event(EventType.TICKET_RESOLVED);
    static final ComplaintClosed CLOSED = (ComplaintClosed) Golden.event(EventType.COMPLAINT_CLOSED);
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Acknowledgements acknowledgements;

    @Autowired
    HeldPartitions held;



    @Test
    void acknowledgesARegisteredComplaintBySmsWithItsNumber() {
        ComplaintRegistered registered = registered();

        kafka.publish(registered);

        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].purpose").isEqualTo("REGISTRATION_ACK")
                .jsonPath("$[0].channel").isEqualTo("SMS")
                .jsonPath("$[0].status").isEqualTo("SENT")
                .jsonPath("$[0].recipient").isEqualTo(registered.customer().phone())
                .jsonPath("$[0].complaintId").isEqualTo(registered.complaintId())
                .jsonPath("$[0].text").value(containsString(registered.number()))
                .jsonPath("$[0].text").value(containsString("within 24 hours"))
                .jsonPath("$[0].createdAt").isEqualTo(MovableClockConfiguration.START.toString())
                .jsonPath("$[0].sentAt").isEqualTo(MovableClockConfiguration.START.toString())
                .jsonPath("$[0].id").isEqualTo(customerSms(registered.eventId(), Purpose.REGISTRATION_ACK)));
        MessageSent sent = kafka.awaitEvent(MessageSent.class, event -> event.complaintId().equals(registered.complaintId()));
        assertThat(sent.purpose()).isEqualTo("REGISTRATION_ACK");
        assertThat(sent.channel()).isEqualTo("SMS");
        assertThat(sent.recipient()).isEqualTo(registered.customer().phone());
        assertThat(sent.messageId()).isEqualTo(customerSms(registered.eventId(), Purpose.REGISTRATION_ACK));
        Golden.assertSameShape(sent);
        ConsumerRecord<String, String> record = recordOf(Topics.NOTIFICATION_CONTACT, sent.eventId());
        assertThat(record.key()).isEqualTo(registered.complaintId());
        assertThat(header(record, CloudEvents.TYPE)).isEqualTo(EventType.MESSAGE_SENT.id());
        assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/closedloop/" + NotificationServiceApplication.NAME);
        assertThat(header(record, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEvents.TIME)).isEqualTo(sent.occurredAt().toString());
    }

    @Test
    void sendsOneAcknowledgementForARegistrationDeliveredTwice() {
        ComplaintRegistered registered = registered();
        kafka.publish(registered);
        kafka.publish(registered);
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$[*].purpose").value(hasItem("REGISTRATION_ACK")));
        clock.add(Duration.ofMinutes(5));
        ComplaintClosed closed = closed(registered.complaintId());

        kafka.publish(closed);

        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$[*].purpose").value(hasItem("CLOSURE_NOTICE")));
        messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].purpose").isEqualTo("REGISTRATION_ACK")
                .jsonPath("$[1].purpose").isEqualTo("CLOSURE_NOTICE")
                .jsonPath("$[1].text").value(containsString(registered.number()))
                .jsonPath("$[1].text").value(containsString("closed"));
    }

    @Test
    void noticesTheResolutionAndOpensACallbackDueInADay() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        clock.add(Duration.ofHours(3));
        Instant resolvedAt = clock.instant();
        TicketResolved resolved = resolved(registered.complaintId());

        kafka.publish(resolved);

        String callbackId = EventIds.derived(resolved.eventId(), "callback").toString();
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[1].purpose").isEqualTo("RESOLUTION_NOTICE")
                .jsonPath("$[1].text").value(containsString(registered.number())));
        callbacksOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(callbackId)
                .jsonPath("$[0].status").isEqualTo("OPEN")
                .jsonPath("$[0].complaintId").isEqualTo(registered.complaintId())
                .jsonPath("$[0].complaintNumber").isEqualTo(registered.number())
                .jsonPath("$[0].customerName").isEqualTo(REGISTERED.customer().name())
                .jsonPath("$[0].customerPhone").isEqualTo(registered.customer().phone())
                .jsonPath("$[0].ticketId").isEqualTo(resolved.ticketId())
                .jsonPath("$[0].branch").isEqualTo(RESOLVED.branch())
                .jsonPath("$[0].openedAt").isEqualTo(resolvedAt.toString())
                .jsonPath("$[0].dueAt").isEqualTo(resolvedAt.plus(Duration.ofHours(24)).toString())
                .jsonPath("$[0].overdue").isEqualTo(false);
        CallbackOpened opened = kafka.awaitEvent(CallbackOpened.class, event -> event.callbackId().equals(callbackId));
        assertThat(opened.complaintId()).isEqualTo(registered.complaintId());
        assertThat(opened.ticketId()).isEqualTo(resolved.ticketId());
        assertThat(opened.dueAt()).isEqualTo(resolvedAt.plus(Duration.ofHours(24)));
        Golden.assertSameShape(opened);
        assertThat(recordOf(Topics.NOTIFICATION_CONTACT, opened.eventId()).key()).isEqualTo(registered.complaintId());
    }

    @Test
    void opensOneCallbackForAResolutionDeliveredTwice() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        TicketResolved resolved = resolved(registered.complaintId());
        kafka.publish(resolved);
        kafka.publish(resolved);
        TicketResolved second = resolved(registered.complaintId());
        // the first callback opens before the clock moves, so that the two are due at different times
        await().untilAsserted(() -> callbacksOf(registered.complaintId()).jsonPath("$.length()").isEqualTo(1));
        clock.add(Duration.ofMinutes(1));

        kafka.publish(second);

        await().untilAsserted(() -> callbacksOf(registered.complaintId()).jsonPath("$.length()").isEqualTo(2));
        callbacksOf(registered.complaintId())
                .jsonPath("$[0].ticketId").isEqualTo(resolved.ticketId())
                .jsonPath("$[1].ticketId").isEqualTo(second.ticketId());
        messagesOf(registered.complaintId()).jsonPath("$.length()").isEqualTo(3);
    }

    @Test
    void completesACallbackWithTheOutcomeAndTheActor() {
        String callbackId = openCallback();

        web.post().uri("/api/v1/callbacks/{id}/outcome", callbackId)
                .headers(TestIssuer.as("agent-017"))
                .bodyValue(Map.of("outcome", "SATISFIED", "note", "Refund received", "survey", Map.of(
                        "easyToReach", 5, "responseSpeed", 4, "staffSkill", 5, "staffAttitude", 5,
                        "improvement", "Tell me the refund date on the first call")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(callbackId)
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.outcome").isEqualTo("SATISFIED")
                .jsonPath("$.survey.responseSpeed").isEqualTo(4)
                .jsonPath("$.note").isEqualTo("Refund received")
                .jsonPath("$.completedBy").isEqualTo("agent-017")
                .jsonPath("$.completedAt").isEqualTo(clock.instant().toString())
                .jsonPath("$.overdue").isEqualTo(false);

        CallbackCompleted completed = kafka.awaitEvent(CallbackCompleted.class,
                event -> event.callbackId().equals(callbackId));
        assertThat(completed.actor()).isEqualTo("agent-017");
        assertThat(completed.outcome().name()).isEqualTo("SATISFIED");
        assertThat(completed.note()).isEqualTo("Refund received");
        assertThat(completed.survey().improvement()).isEqualTo("Tell me the refund date on the first call");
        Golden.assertSameShape(completed);
        web.get().uri("/api/v1/callbacks?status=COMPLETED&complaintId={c}", completed.complaintId())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(callbackId);
        web.get().uri("/api/v1/callbacks?status=OPEN&complaintId={c}", completed.complaintId())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void letsADispatcherFollowOnlyTheMessagesToTheirOwnBranches() {
        var liMing = TestIssuer.as("li.ming", List.of(Role.DISPATCHER), "LIXIA-01");

        web.get().uri("/api/v1/live?recipient=branch:SHIZHONG-01").headers(liMing).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/messages?recipient=branch:SHIZHONG-01").headers(liMing).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/messages?recipient=supervisors").headers(liMing).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/messages?recipient=branch:LIXIA-01").headers(liMing).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/v1/messages?recipient=branch:SHIZHONG-01")
                .headers(TestIssuer.as("sup.wang", List.of(Role.SUPERVISOR))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void takesTheActorFromTheSignedInAgentWhateverXActorClaims() {
        String callbackId = openCallback();

        web.post().uri("/api/v1/callbacks/{id}/outcome", callbackId).header("X-Actor", "mallory")
                .headers(TestIssuer.as("agent-017", List.of(Role.AGENT)))
                .bodyValue(Map.of("outcome", "BASICALLY_SATISFIED"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.completedBy").isEqualTo("agent-017");
    }

    @Test
    void refusesASecondOutcomeNamingTheCurrentState() {
        String callbackId = openCallback();
        web.post().uri("/api/v1/callbacks/{id}/outcome", callbackId)
                .bodyValue(Map.of("outcome", "SATISFIED"))
                .exchange()
                .expectStatus().isOk();

        web.post().uri("/api/v1/callbacks/{id}/outcome", callbackId)
                .bodyValue(Map.of("outcome", "UNSATISFIED"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.currentState").isEqualTo("COMPLETED")
                .jsonPath("$.allowedActions.length()").isEqualTo(0);
    }

    @Test
    void rejectsAnUnknownOutcomeNamingTheField() {
        String callbackId = openCallback();

        web.post().uri("/api/v1/callbacks/{id}/outcome", callbackId)
                .bodyValue(Map.of("outcome", "DELIGHTED", "note", "x".repeat(1001)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(hasItem("outcome"))
                .jsonPath("$.errors[*].field").value(hasItem("note"));
        web.post().uri("/api/v1/callbacks/{id}/outcome", callbackId)
                .bodyValue(Map.of("note", "no outcome"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("outcome");
        callbacksOf(callbackComplaint(callbackId)).jsonPath("$[0].status").isEqualTo("OPEN");
    }

    @Test
    void answersNotFoundForAnUnknownCallback() {
        web.post().uri("/api/v1/callbacks/{id}/outcome", UUID.randomUUID())
                .bodyValue(Map.of("outcome", "SATISFIED"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").value(containsString("callback"));
    }

    @Test
    void showsACallbackOverdueOnceItsDueTimePassed() {
        String callbackId = openCallback();
        String complaintId = callbackComplaint(callbackId);
        callbacksOf(complaintId).jsonPath("$[0].overdue").isEqualTo(false);

        clock.add(Duration.ofHours(24));
        callbacksOf(complaintId).jsonPath("$[0].overdue").isEqualTo(false);
        clock.add(Duration.ofSeconds(1));

        callbacksOf(complaintId).jsonPath("$[0].overdue").isEqualTo(true);
        web.get().uri("/api/v1/callbacks?status=OPEN&complaintId={c}", complaintId)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + callbackId + "')].overdue").isEqualTo(true);
        web.get().uri("/api/v1/callbacks?status=DUE&complaintId={c}", complaintId)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + callbackId + "')].overdue").isEqualTo(true);
        web.get().uri("/api/v1/callbacks?complaintId={c}", complaintId)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + callbackId + "')].status").isEqualTo("OPEN");
    }

    @Test
    void rejectsAnUnknownCallbackStatusNamingTheParameter() {
        web.get().uri("/api/v1/callbacks?status=LOST")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void requiresTheComplaintIdToListMessages() {
        web.get().uri("/api/v1/messages")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("complaintId");
    }

    @Test
    void waitsForTheRegistrationOfAResolutionThatArrivesFirstAndDeadLettersNothing() {
        ComplaintRegistered registered = registered();
        TicketResolved resolved = resolved(registered.complaintId());

        kafka.publish(resolved);
        // more failed deliveries than a fixed number of retries would have allowed before dead-lettering it
        await().until(() -> held.now().stream().anyMatch(partition -> partition.topic().equals(Topics.ROUTER_TICKET)
                && partition.attempts() >= 5 && partition.reason().contains("UnknownContactException")));
        kafka.publish(registered);

        await().untilAsserted(() -> callbacksOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].ticketId").isEqualTo(resolved.ticketId()));
        await().until(() -> held.now().stream().noneMatch(partition -> partition.topic().equals(Topics.ROUTER_TICKET)));
        assertThat(kafka.records(Topics.deadLetter(Topics.ROUTER_TICKET)))
                .noneMatch(record -> registered.complaintId().equals(record.key()));
    }

    @Test
    void deadLettersAPoisonTicketRecordAndGoesOn() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        kafka.send(new ProducerRecord<>(Topics.ROUTER_TICKET, registered.complaintId(), "{\"not\":\"an event\"}"));
        TicketResolved resolved = resolved(registered.complaintId());

        kafka.publish(resolved);

        await().untilAsserted(() -> assertThat(kafka.records(Topics.deadLetter(Topics.ROUTER_TICKET)))
                .anySatisfy(record -> assertThat(record.key()).isEqualTo(registered.complaintId())));
        await().untilAsserted(() -> callbacksOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].ticketId").isEqualTo(resolved.ticketId()));
    }

    @Test
    void tellsTheCustomerBySmsThatAPromiseWasKept() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        clock.add(Duration.ofHours(2));
        ObligationFulfilled kept = goldenFor(EventType.OBLIGATION_FULFILLED, registered.complaintId());

        kafka.publish(kept);
        kafka.publish(kept);

        String messageId = customerSms(kept.eventId(), Purpose.PROMISE_KEPT);
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[1].id").isEqualTo(messageId)
                .jsonPath("$[1].purpose").isEqualTo("PROMISE_KEPT")
                .jsonPath("$[1].recipient").isEqualTo(registered.customer().phone())
                .jsonPath("$[1].text").isEqualTo("Your complaint " + registered.number()
                        + ": we have kept our promise to you (reference " + kept.reference()
                        + "). Thank you for your patience."));
    }

    @Test
    void tellsTheCustomerOnceBySmsThatTheProblemBehindTheirComplaintWasSolved() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        clock.add(Duration.ofHours(2));
        ProblemSolved solved = goldenFor(EventType.PROBLEM_SOLVED, registered.complaintId());
        assertThat(solved.notifyCustomer()).isTrue();
        TicketWarned warned = goldenFor(EventType.TICKET_WARNED, registered.complaintId());

        kafka.publish(solved);
        kafka.publish(solved);
        kafka.publish(warned);

        String messageId = customerSms(solved.eventId(), Purpose.PROBLEM_SOLVED);
        // one complaint's SLA events share a partition: once the warning is handled, so are both deliveries before it
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$[*].purpose").value(hasItem("SLA_WARNING")));
        messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(4)
                .jsonPath("$[?(@.purpose == 'PROBLEM_SOLVED')].id").isEqualTo(List.of(messageId))
                .jsonPath("$[?(@.purpose == 'PROBLEM_SOLVED')].channel").isEqualTo(List.of("SMS"))
                .jsonPath("$[?(@.purpose == 'PROBLEM_SOLVED')].recipient")
                .isEqualTo(List.of(registered.customer().phone()))
                .jsonPath("$[?(@.purpose == 'PROBLEM_SOLVED')].text").isEqualTo(List.of("Your complaint "
                        + registered.number() + ": the cause behind it has been fixed: " + solved.resolution()
                        + ". Thank you for your patience."));
        MessageSent sent = kafka.awaitEvent(MessageSent.class, event -> event.messageId().equals(messageId));
        assertThat(sent.purpose()).isEqualTo("PROBLEM_SOLVED");
        assertThat(sent.recipient()).isEqualTo(registered.customer().phone());
    }

    @Test
    void tellsTheCustomerNothingOfASolvedProblemWhoseClosingDidNotAskToTellThem() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        clock.add(Duration.ofHours(2));
        ProblemSolved golden = goldenFor(EventType.PROBLEM_SOLVED, registered.complaintId());
        ProblemSolved quiet = new ProblemSolved(golden.eventId(), golden.occurredAt(), golden.complaintId(),
                golden.problemId(), golden.title(), golden.resolution(), false, golden.actor());
        TicketWarned warned = goldenFor(EventType.TICKET_WARNED, registered.complaintId());

        kafka.publish(quiet);
        kafka.publish(warned);

        // one complaint's SLA events share a partition: once the warning is handled, so is the solved problem
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$[*].purpose").value(hasItem("SLA_WARNING")));
        messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].purpose").isEqualTo("REGISTRATION_ACK")
                .jsonPath("$[?(@.purpose == 'PROBLEM_SOLVED')]").isEmpty();
    }

    @Test
    void tellsTheCustomerTheNewTimeOfAnApprovedExtensionBySmsInTheirLocalTime() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        clock.add(Duration.ofHours(2));
        ExtensionApproved approved = goldenFor(EventType.EXTENSION_APPROVED, registered.complaintId());

        kafka.publish(approved);

        String messageId = customerSms(approved.eventId(), Purpose.EXTENSION_NOTICE);
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[1].id").isEqualTo(messageId)
                .jsonPath("$[1].purpose").isEqualTo("EXTENSION_NOTICE")
                .jsonPath("$[1].channel").isEqualTo("SMS")
                .jsonPath("$[1].status").isEqualTo("SENT")
                .jsonPath("$[1].recipient").isEqualTo(registered.customer().phone())
                .jsonPath("$[1].text").isEqualTo("Your complaint " + registered.number()
                        + " needs more time. We will resolve it by 2026-11-24 10:30.")
                .jsonPath("$[1].sentAt").isEqualTo(clock.instant().toString()));
        MessageSent sent = kafka.awaitEvent(MessageSent.class, event -> event.messageId().equals(messageId));
        assertThat(sent.eventId()).isEqualTo(EventIds.derived(messageId, "sent"));
        assertThat(sent.complaintId()).isEqualTo(registered.complaintId());
        assertThat(sent.purpose()).isEqualTo("EXTENSION_NOTICE");
        assertThat(sent.channel()).isEqualTo("SMS");
        assertThat(sent.recipient()).isEqualTo(registered.customer().phone());
        Golden.assertSameShape(sent);
        assertThat(recordOf(Topics.NOTIFICATION_CONTACT, sent.eventId()).key()).isEqualTo(registered.complaintId());
    }

    @Test
    void sendsOneExtensionNoticeForAnApprovalDeliveredTwice() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        clock.add(Duration.ofMinutes(1));
        ExtensionApproved first = approved(registered.complaintId(), Instant.parse("2026-11-24T02:30:00Z"));
        kafka.publish(first);
        kafka.publish(first);
        await().untilAsserted(() -> messagesOf(registered.complaintId()).jsonPath("$.length()").isEqualTo(2));
        clock.add(Duration.ofMinutes(1));
        ExtensionApproved second = approved(registered.complaintId(), Instant.parse("2026-11-26T09:00:00Z"));

        kafka.publish(second);

        // one complaint's SLA events share a partition: once the second is handled, so is the repeat of the first
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$[*].id").value(hasItem(customerSms(second.eventId(), Purpose.EXTENSION_NOTICE))));
        messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[1].id").isEqualTo(customerSms(first.eventId(), Purpose.EXTENSION_NOTICE))
                .jsonPath("$[1].text").value(containsString("by 2026-11-24 10:30"))
                .jsonPath("$[2].purpose").isEqualTo("EXTENSION_NOTICE")
                .jsonPath("$[2].text").value(containsString("by 2026-11-26 17:00"));
    }

    @Test
    void leavesAWarningInTheInboxOfTheTicketsBranch() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        clock.add(Duration.ofMinutes(1));
        TicketWarned warned = goldenFor(EventType.TICKET_WARNED, registered.complaintId());

        kafka.publish(warned);

        String messageId = branchLive(warned.eventId(), Purpose.SLA_WARNING);
        String text = "Reminder: 75% of the sign-for limit of ticket " + warned.ticketId() + " (complaint "
                + registered.number() + ") has passed. It is due by 2026-11-22 11:00.";
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[?(@.id == '" + messageId + "')].purpose").isEqualTo("SLA_WARNING")
                .jsonPath("$[?(@.id == '" + messageId + "')].channel").isEqualTo("LIVE")
                .jsonPath("$[?(@.id == '" + messageId + "')].status").isEqualTo("SENT")
                .jsonPath("$[?(@.id == '" + messageId + "')].recipient").isEqualTo("branch:LIXIA-01")
                .jsonPath("$[?(@.id == '" + messageId + "')].text").isEqualTo(text));
        Message mail = messageWithId(registered.complaintId(),
                Message.idFor(warned.eventId(), Purpose.SLA_WARNING, RecipientKind.BRANCH, MessageChannel.EMAIL));
        assertThat(mail.recipient()).isEqualTo("lixia-01@branches.test");
        assertThat(mail.subject()).isEqualTo("Reminder: complaint " + registered.number() + " is due by 2026-11-22 11:00");
        assertThat(mail.text()).isEqualTo(text);
        MessageSent sent = kafka.awaitEvent(MessageSent.class, event -> event.messageId().equals(messageId));
        assertThat(sent.complaintId()).isEqualTo(registered.complaintId());
        assertThat(sent.purpose()).isEqualTo("SLA_WARNING");
        assertThat(sent.channel()).isEqualTo("LIVE");
        assertThat(sent.recipient()).isEqualTo("branch:LIXIA-01");
        Golden.assertSameShape(sent);
    }

    @Test
    void tellsTheBranchAndTheSupervisorsOfALevelOneAndTheSupervisorsOfALevelTwoEscalation() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        TicketEscalated levelOne = goldenFor(EventType.TICKET_ESCALATED, registered.complaintId());
        TicketEscalated levelTwo = new TicketEscalated(UUID.randomUUID(), levelOne.occurredAt(),
                registered.complaintId(), levelOne.ticketId(), levelOne.branch(), 2, null, null,
                EscalationReason.REOPENED_TWICE);

        kafka.publish(levelOne);
        kafka.publish(levelTwo);

        String toBranch = branchLive(levelOne.eventId(), Purpose.ESCALATION_LEVEL_1);
        String toSupervisors = Message.idFor(levelOne.eventId(), Purpose.ESCALATION_LEVEL_1, RecipientKind.SUPERVISORS,
                MessageChannel.LIVE);
        String two = Message.idFor(levelTwo.eventId(), Purpose.ESCALATION_LEVEL_2, RecipientKind.SUPERVISORS,
                MessageChannel.LIVE);
        String ticket = "ticket " + levelOne.ticketId();
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(7)
                .jsonPath("$[?(@.id == '" + toBranch + "')].text").isEqualTo("Escalated to level 1: " + ticket
                        + " (complaint " + registered.number() + ") is now under supervision because its resolve limit "
                        + "passed at 2026-11-22 10:29.")
                .jsonPath("$[?(@.id == '" + toSupervisors + "')].text").isEqualTo("Level 1 supervision: " + ticket
                        + " of branch LIXIA-01 (complaint " + registered.number() + ") because its resolve limit "
                        + "passed at 2026-11-22 10:29.")
                .jsonPath("$[?(@.id == '" + two + "')].text").isEqualTo("Escalated to level 2: " + ticket
                        + " of branch LIXIA-01 (complaint " + registered.number() + ") goes on the agenda of the next "
                        + "office meeting because the complaint was reopened twice.")
                .jsonPath("$[?(@.channel == 'LIVE')].recipient").value(recipients -> assertThat((List<Object>) recipients)
                        .containsExactlyInAnyOrder("branch:LIXIA-01", "supervisors", "supervisors"))
                .jsonPath("$[?(@.channel == 'LIVE')].status").value(
                        statuses -> assertThat((List<Object>) statuses).containsExactly("SENT", "SENT", "SENT"))
                .jsonPath("$[?(@.channel == 'EMAIL')].recipient").value(recipients -> assertThat((List<Object>) recipients)
                        .containsExactlyInAnyOrder("lixia-01@branches.test", "duban@example.test,head@example.test",
                                "duban@example.test,head@example.test")));
        assertThat(messageWithId(registered.complaintId(), Message.idFor(levelTwo.eventId(),
                Purpose.ESCALATION_LEVEL_2, RecipientKind.SUPERVISORS, MessageChannel.EMAIL)).subject())
                .isEqualTo("Office meeting agenda: complaint " + registered.number() + ", branch LIXIA-01");
        assertThat(kafka.awaitEvent(MessageSent.class, event -> event.messageId().equals(two)).purpose())
                .isEqualTo("ESCALATION_LEVEL_2");
        assertThat(kafka.awaitEvent(MessageSent.class, event -> event.messageId().equals(toBranch)).recipient())
                .isEqualTo("branch:LIXIA-01");
    }

    @Test
    void tellsTheBranchOfANewTicketLiveAndByMail() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        TicketAssigned assigned = goldenFor(EventType.TICKET_ASSIGNED, registered.complaintId());

        kafka.publish(assigned);

        String live = branchLive(assigned.eventId(), Purpose.NEW_TICKET);
        String text = "New ticket " + assigned.ticketId() + " for branch " + assigned.branch() + ": complaint "
                + registered.number() + ", billing, normal priority. Please sign for it.";
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[?(@.id == '" + live + "')].recipient").isEqualTo("branch:" + assigned.branch())
                .jsonPath("$[?(@.id == '" + live + "')].status").isEqualTo("SENT")
                .jsonPath("$[?(@.id == '" + live + "')].text").isEqualTo(text));
        Message mail = messageWithId(registered.complaintId(),
                Message.idFor(assigned.eventId(), Purpose.NEW_TICKET, RecipientKind.BRANCH, MessageChannel.EMAIL));
        assertThat(mail.recipient()).isEqualTo(assigned.branch().toLowerCase() + "@branches.test");
        assertThat(mail.subject()).isEqualTo("New ticket: complaint " + registered.number() + " (normal)");
        assertThat(mail.text()).isEqualTo(text);
    }

    @Test
    void tellsTheBranchOnceOfAWarningOrEscalationDeliveredTwice() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        TicketWarned warned = goldenFor(EventType.TICKET_WARNED, registered.complaintId());
        TicketEscalated escalated = goldenFor(EventType.TICKET_ESCALATED, registered.complaintId());
        TicketWarned later = goldenFor(EventType.TICKET_WARNED, registered.complaintId());
        kafka.publish(warned);
        kafka.publish(escalated);
        kafka.publish(warned);
        kafka.publish(escalated);

        kafka.publish(later);

        // one complaint's SLA events share a partition: once the later warning is handled, so are the repeats
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$[*].id").value(hasItem(branchLive(later.eventId(), Purpose.SLA_WARNING))));
        messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(9)
                .jsonPath("$[?(@.purpose == 'SLA_WARNING' && @.channel == 'LIVE')].id").value(ids -> assertThat(
                        (List<Object>) ids).containsExactlyInAnyOrder(branchLive(warned.eventId(), Purpose.SLA_WARNING),
                        branchLive(later.eventId(), Purpose.SLA_WARNING)))
                .jsonPath("$[?(@.purpose == 'ESCALATION_LEVEL_1' && @.channel == 'LIVE')].id").value(ids -> assertThat(
                        (List<Object>) ids).containsExactlyInAnyOrder(
                        branchLive(escalated.eventId(), Purpose.ESCALATION_LEVEL_1),
                        Message.idFor(escalated.eventId(), Purpose.ESCALATION_LEVEL_1, RecipientKind.SUPERVISORS,
                                MessageChannel.LIVE)));
    }

    @Test
    void tellsTheBranchEvenBeforeTheComplaintsRegistrationArrived() {
        String complaintId = UUID.randomUUID().toString();
        TicketWarned warned = goldenFor(EventType.TICKET_WARNED, complaintId);

        kafka.publish(warned);

        String live = branchLive(warned.eventId(), Purpose.SLA_WARNING);
        await().untilAsserted(() -> messagesOf(complaintId)
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.id == '" + live + "')].recipient").isEqualTo("branch:LIXIA-01")
                .jsonPath("$[?(@.id == '" + live + "')].status").isEqualTo("SENT")
                .jsonPath("$[*].text").value(texts -> assertThat((List<Object>) texts)
                        .allSatisfy(text -> assertThat(text).asString().contains("(complaint " + complaintId + ")"))));
        assertThat(kafka.records(Topics.deadLetter(Topics.ESCALATION_SLA)))
                .noneMatch(record -> complaintId.equals(record.key()));
    }

    @Test
    void sendsNothingForTheSlaEventsNobodyIsToBeToldOf() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        clock.add(Duration.ofMinutes(1));
        for (EventType type : List.of(EventType.CLOCK_STARTED, EventType.CLOCKS_PAUSED, EventType.CLOCKS_RESUMED,
                EventType.EXTENSION_REFUSED, EventType.OFFICE_MEETING_DECIDED,
                EventType.OFFICE_MEETING_DECISION_OVERDUE, EventType.PROBLEM_OPENED,
                EventType.COMPLAINT_LINKED_TO_PROBLEM, EventType.CORRECTIVE_ACTION_PLANNED,
                EventType.CORRECTIVE_ACTION_DONE, EventType.CORRECTIVE_ACTION_WARNED,
                EventType.CORRECTIVE_ACTION_OVERDUE, EventType.PROBLEM_PUT_ON_AGENDA)) {
            kafka.publish(goldenFor(type, registered.complaintId()));
        }
        TicketWarned warned = goldenFor(EventType.TICKET_WARNED, registered.complaintId());

        kafka.publish(warned);

        // one complaint's SLA events share a partition: once the warning is handled, so are the events before it
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$[*].purpose").value(hasItem("SLA_WARNING")));
        messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].purpose").isEqualTo("REGISTRATION_ACK");
    }

    @Test
    void deadLettersAPoisonSlaRecordAndGoesOn() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        clock.add(Duration.ofMinutes(1));
        kafka.send(new ProducerRecord<>(Topics.ESCALATION_SLA, registered.complaintId(), "{\"not\":\"an event\"}"));
        TicketWarned warned = goldenFor(EventType.TICKET_WARNED, registered.complaintId());

        kafka.publish(warned);

        await().untilAsserted(() -> assertThat(kafka.records(Topics.deadLetter(Topics.ESCALATION_SLA)))
                .anySatisfy(record -> assertThat(record.key()).isEqualTo(registered.complaintId())));
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[*].id").value(hasItem(branchLive(warned.eventId(), Purpose.SLA_WARNING))));
    }

    @Test
    void acknowledgesOnePhoneAtMostOnceInTenMinutesAndRecordsWhyTheOthersWereNotSent() {
        String phone = freshPhone();
        ComplaintRegistered first = registered(phone);
        kafka.publish(first);
        awaitAcknowledgement(first, "SENT");
        clock.add(Duration.ofMinutes(10).minusSeconds(1));
        ComplaintRegistered second = registered("+86 " + phone);

        kafka.publish(second);

        awaitAcknowledgement(second, "SUPPRESSED")
                .jsonPath("$[0].recipient")
                .value(recipient -> assertThat(PhoneNumbers.same((String) recipient, phone)).isTrue())
                .jsonPath("$[0].text").value(containsString(second.number()))
                .jsonPath("$[0].attempts").isEqualTo(0)
                .jsonPath("$[0].suppressedBecause").isEqualTo("At most one acknowledgement SMS per phone within PT10M: "
                        + "complaint " + first.complaintId() + " was acknowledged to the same phone at "
                        + MovableClockConfiguration.START);
        clock.add(Duration.ofSeconds(1));
        ComplaintRegistered third = registered(phone);
        kafka.publish(third);
        awaitAcknowledgement(third, "SENT");
        assertThat(kafka.events(MessageSent.class)).filteredOn(sent -> sent.recipient().contains(phone))
                .extracting(MessageSent::complaintId)
                .containsExactlyInAnyOrder(first.complaintId(), third.complaintId());
        assertThat(LocalChannelServers.smsGateway().findAll(postRequestedFor(urlEqualTo(LocalChannelServers.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", containing(phone))))).hasSize(2);
        web.post().uri("/api/v1/messages/_search").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "SUPPRESSED", "recipient", "+86 " + phone)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].complaintId").isEqualTo(List.of(second.complaintId()));
    }

    @Test
    void letsOneOfManyRegistrationsForOnePhoneDecidedAtTheSameMomentTakeTheAcknowledgement() {
        String phone = freshPhone();

        List<Optional<String>> decisions = Flux.range(0, 6)
                .flatMap(registration -> acknowledgements.admit(phone, UUID.randomUUID(),
                        UUID.randomUUID().toString()), 6)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(decisions).hasSize(6).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(decisions).filteredOn(Optional::isPresent).hasSize(5)
                .allSatisfy(why -> assertThat(why).hasValueSatisfying(text -> assertThat(text)
                        .startsWith("At most one acknowledgement SMS per phone within PT10M")));
    }

    // --- fixtures

    /** Waits until the complaint's one message is its acknowledgement in this status, and answers it. */
    WebTestClient.BodyContentSpec awaitAcknowledgement(ComplaintRegistered registered, String status) {
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].purpose").isEqualTo("REGISTRATION_ACK")
                .jsonPath("$[0].status").isEqualTo(status));
        return messagesOf(registered.complaintId());
    }

    /**
     * The golden registration of a fresh complaint by a customer with a fresh phone (a phone is acknowledged at most
     * once in ten minutes).
     */
    static ComplaintRegistered registered() {
        return registered(freshPhone());
    }

    /** The golden registration of a fresh complaint by a customer with this phone. */
    static ComplaintRegistered registered(String phone) {
        Customer golden = REGISTERED.customer();
        return new ComplaintRegistered(UUID.randomUUID(), REGISTERED.occurredAt(), UUID.randomUUID().toString(),
                REGISTERED.number(), REGISTERED.channel(), REGISTERED.category(), REGISTERED.priority(),
                new Customer(golden.name(), phone, golden.accountNo(), golden.vip()), REGISTERED.district(),
                REGISTERED.description(), REGISTERED.actor());
    }

    /** The golden resolution of a fresh ticket of the complaint. */
    static TicketResolved resolved(String complaintId) {
        return new TicketResolved(UUID.randomUUID(), RESOLVED.occurredAt(), complaintId, UUID.randomUUID().toString(),
                RESOLVED.branch(), RESOLVED.resolution(), RESOLVED.actor());
    }

    static ComplaintClosed closed(String complaintId) {
        return new ComplaintClosed(UUID.randomUUID(), CLOSED.occurredAt(), complaintId, CLOSED.outcome(), CLOSED.actor());
    }

    /** The golden event of this type, rewritten for the complaint with a fresh id. */
    @SuppressWarnings("unchecked")
    static <T extends ClosedLoopEvent> T goldenFor(EventType type, String complaintId) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(Golden.json(type));
            json.put("eventId", UUID.randomUUID().toString());
            json.put("complaintId", complaintId);
            return (T) EventJson.read(type, JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The golden approval of a fresh extension of the complaint, moving its deadline to the given instant. */
    static ExtensionApproved approved(String complaintId, Instant deadline) {
        ExtensionApproved golden = (ExtensionApproved) Golden.event(EventType.EXTENSION_APPROVED);
        return new ExtensionApproved(UUID.randomUUID(), golden.occurredAt(), complaintId, golden.ticketId(),
                golden.branch(), UUID.randomUUID().toString(), golden.previousDeadline(), deadline, golden.actor());
    }

    ComplaintRegistered registeredAndAcknowledged() {
        ComplaintRegistered registered = registered();
        kafka.publish(registered);
        await().untilAsserted(() -> messagesOf(registered.complaintId()).jsonPath("$.length()").isEqualTo(1));
        return registered;
    }

    /** Registers a fresh complaint, resolves its ticket and returns the id of the callback that opened. */
    String openCallback() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        TicketResolved resolved = resolved(registered.complaintId());
        kafka.publish(resolved);
        String callbackId = EventIds.derived(resolved.eventId(), "callback").toString();
        await().untilAsserted(() -> callbacksOf(registered.complaintId()).jsonPath("$[0].id").isEqualTo(callbackId));
        return callbackId;
    }

    String callbackComplaint(String callbackId) {
        return kafka.awaitEvent(CallbackOpened.class, event -> event.callbackId().equals(callbackId)).complaintId();
    }

    static String customerSms(UUID cause, Purpose purpose) {
        return Message.idFor(cause, purpose, RecipientKind.CUSTOMER, MessageChannel.SMS);
    }

    static String branchLive(UUID cause, Purpose purpose) {
        return Message.idFor(cause, purpose, RecipientKind.BRANCH, MessageChannel.LIVE);
    }

    /** The message as stored, with what the API does not show (its subject). */
    Message messageWithId(String complaintId, String id) {
        return storedMessagesOf(complaintId).stream().filter(message -> message.id().equals(id)).findFirst()
                .orElse(null);
    }

    ConsumerRecord<String, String> recordOf(String topic, UUID eventId) {
        return kafka.records(topic).stream()
                .filter(record -> eventId.toString().equals(header(record, CloudEvents.ID)))
                .findFirst()
                .orElseThrow();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEvents.header(record.headers(), name);
    }
}
