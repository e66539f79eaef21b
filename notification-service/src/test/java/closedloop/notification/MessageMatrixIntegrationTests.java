package closedloop.notification;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventType;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketWarned;
import closedloop.notification.channel.LocalChannelServers;
import closedloop.notification.message.Message;
import closedloop.notification.message.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static closedloop.notification.NotificationIntegrationTests.goldenFor;
import static closedloop.notification.NotificationIntegrationTests.registered;
import static closedloop.notification.NotificationIntegrationTests.resolved;
import static closedloop.notification.message.MessageChannel.EMAIL;
import static closedloop.notification.message.MessageChannel.LIVE;
import static closedloop.notification.message.MessageChannel.SMS;
import static closedloop.notification.message.RecipientKind.BRANCH;
import static closedloop.notification.message.RecipientKind.CUSTOMER;
import static closedloop.notification.message.RecipientKind.SUPERVISORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/**
 * Each row of the message matrix against a real broker and database: the event causes one message per recipient kind
 * and channel, in the default language (zh-CN), once however often the event comes; and the template preview.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + NotificationServiceApplication.NAME,
                "closedloop.notification.email.supervisors=duban@example.test",
                "closedloop.notification.email.branches[LIXIA-01]=lixia-dispatch@example.test"})
abstract class MessageMatrixIntegrationTests extends NotificationScenario {


    static final String SUPERVISORS_MAIL = "duban@example.test";
    static final String LIXIA_MAIL = "lixia-dispatch@example.test";


    @Test
    void acknowledgesARegistrationToTheCustomerBySmsInChinese() {
        ComplaintRegistered registered = registered();

        kafka.publish(registered);

        Map<String, Message> sent = awaitMessages(registered.complaintId(), 1);
        assertThat(sent.get(Message.idFor(registered.eventId(), Purpose.REGISTRATION_ACK, CUSTOMER, SMS)))
                .satisfies(sms -> {
                    assertThat(sms.recipient()).isEqualTo(registered.customer().phone());
                    assertThat(sms.subject()).isNull();
                    assertThat(sms.text()).isEqualTo("您的投诉已受理，编号" + registered.number() + "，我们将在24小时内答复。");
                });
    }

    @Test
    void tellsTheCustomerOfAnExtensionAResolutionAndTheClosureBySmsInChinese() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        ExtensionApproved approved = goldenFor(EventType.EXTENSION_APPROVED, registered.complaintId());
        TicketResolved resolved = resolved(registered.complaintId());
        ComplaintClosed closed = new ComplaintClosed(UUID.randomUUID(), clock.instant(), registered.complaintId(),
                CallbackOutcome.UNREACHABLE, "agent-017");

        kafka.publish(approved);
        kafka.publish(resolved);
        kafka.publish(closed);

        // three topics, so no order between them: the count alone says when all three were handled
        Map<String, Message> sent = awaitMessages(registered.complaintId(), 4);
        String number = registered.number();
        assertThat(sent.get(Message.idFor(approved.eventId(), Purpose.EXTENSION_NOTICE, CUSTOMER, SMS)).text())
                .isEqualTo("您的投诉" + number + "需要更多处理时间，我们将于2026-11-24 10:30前处理完毕。");
        assertThat(sent.get(Message.idFor(resolved.eventId(), Purpose.RESOLUTION_NOTICE, CUSTOMER, SMS)).text())
                .isEqualTo("您的投诉" + number + "已处理完毕，我们稍后将回访，了解您是否满意。");
        assertThat(sent.get(Message.idFor(closed.eventId(), Purpose.CLOSURE_NOTICE, CUSTOMER, SMS)).text())
                .isEqualTo("我们未能联系到您，投诉" + number + "现已结案。如问题仍未解决，请致电我们并提供此编号。");
        assertThat(sent.values()).allSatisfy(sms -> assertThat(sms.recipient()).isEqualTo(registered.customer().phone()));
        await().untilAsserted(() -> web.get().uri("/api/v1/callbacks?complaintId={c}", registered.complaintId())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].ticketId").isEqualTo(resolved.ticketId()));
    }

    @Test
    void tellsTheBranchOfEachNewTicketLiveAndByMailOnce() throws Exception {
        ComplaintRegistered registered = registeredAndAcknowledged();
        TicketAssigned routed = goldenFor(EventType.TICKET_ASSIGNED, registered.complaintId());
        TicketAssigned returned = assigned(routed, "HUAIYIN-02", AssignmentReason.RETURNED, Priority.NORMAL);
        TicketAssigned transferred = assigned(routed, "LIXIA-01", AssignmentReason.TRANSFERRED, Priority.NORMAL);

        kafka.publish(routed);
        kafka.publish(returned);
        kafka.publish(routed);
        kafka.publish(transferred);

        Map<String, Message> sent = awaitMessages(registered.complaintId(), 7,
                Message.idFor(transferred.eventId(), Purpose.NEW_TICKET, BRANCH, EMAIL));
        Message live = sent.get(Message.idFor(routed.eventId(), Purpose.NEW_TICKET, BRANCH, LIVE));
        Message mail = sent.get(Message.idFor(routed.eventId(), Purpose.NEW_TICKET, BRANCH, EMAIL));
        assertThat(live.recipient()).isEqualTo("branch:LIXIA-01");
        assertThat(live.text()).isEqualTo("新工单" + routed.ticketId() + "（支局LIXIA-01）：投诉" + registered.number()
                + "，计费/账务，优先级普通，请及时签收。");
        assertThat(mail.recipient()).isEqualTo(LIXIA_MAIL);
        assertThat(mail.subject()).isEqualTo("新工单：投诉" + registered.number() + "（普通）");
        assertThat(mail.text()).isEqualTo(live.text());
        assertThat(sent.get(Message.idFor(returned.eventId(), Purpose.NEW_TICKET, BRANCH, EMAIL)).recipient())
                .isEqualTo("huaiyin-02@branches.closedloop.local");
        assertThat(sent.get(Message.idFor(returned.eventId(), Purpose.NEW_TICKET, BRANCH, LIVE)).recipient())
                .isEqualTo("branch:HUAIYIN-02");
        assertThat(sent.get(Message.idFor(transferred.eventId(), Purpose.NEW_TICKET, BRANCH, LIVE))).isNotNull();
        await().untilAsserted(() -> assertThat(messagesById(registered.complaintId(), 7).values())
                .filteredOn(message -> message.channel() != SMS)
                .allSatisfy(message -> assertThat(message.status().name()).isEqualTo("SENT")));
        MimeMessage received = await().until(() -> mailTo(LIXIA_MAIL, mail.subject()), found -> found != null);
        assertThat(received.getContent().toString().strip()).isEqualTo(live.text());
    }

    @Test
    void tellsTheBranchOfAReopenedTicketCountingTheReopens() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        TicketAssigned routed = goldenFor(EventType.TICKET_ASSIGNED, registered.complaintId());
        TicketAssigned first = assigned(routed, "LIXIA-01", AssignmentReason.REOPENED, Priority.URGENT);
        TicketAssigned second = assigned(routed, "LIXIA-01", AssignmentReason.REOPENED, Priority.MAJOR);

        kafka.publish(first);
        kafka.publish(first);
        kafka.publish(second);

        Map<String, Message> sent = awaitMessages(registered.complaintId(), 5,
                Message.idFor(second.eventId(), Purpose.TICKET_REOPENED, BRANCH, EMAIL));
        String number = registered.number();
        assertThat(sent.get(Message.idFor(first.eventId(), Purpose.TICKET_REOPENED, BRANCH, LIVE)).text())
                .isEqualTo("发回重办：客户不满意，投诉" + number + "第1次发回重办，新工单" + first.ticketId()
                        + "，优先级紧急，请及时签收。");
        assertThat(sent.get(Message.idFor(second.eventId(), Purpose.TICKET_REOPENED, BRANCH, LIVE)).text())
                .isEqualTo("发回重办：客户不满意，投诉" + number + "第2次发回重办，新工单" + second.ticketId()
                        + "，优先级重大，请及时签收。");
        Message mail = sent.get(Message.idFor(second.eventId(), Purpose.TICKET_REOPENED, BRANCH, EMAIL));
        assertThat(mail.recipient()).isEqualTo(LIXIA_MAIL);
        assertThat(mail.subject()).isEqualTo("发回重办：投诉" + number + "（重大）");
        assertThat(sent.values()).noneMatch(message -> message.purpose() == Purpose.NEW_TICKET);
    }

    @Test
    void chasesTheBranchOfAWarningLiveAndByMail() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        TicketWarned warned = goldenFor(EventType.TICKET_WARNED, registered.complaintId());

        kafka.publish(warned);

        Map<String, Message> sent = awaitMessages(registered.complaintId(), 3,
                Message.idFor(warned.eventId(), Purpose.SLA_WARNING, BRANCH, EMAIL));
        String text = "催办：工单" + warned.ticketId() + "（投诉" + registered.number()
                + "）的签收时限已过75%，请于2026-11-22 11:00前完成。";
        assertThat(sent.get(Message.idFor(warned.eventId(), Purpose.SLA_WARNING, BRANCH, LIVE)).text()).isEqualTo(text);
        assertThat(sent.get(Message.idFor(warned.eventId(), Purpose.SLA_WARNING, BRANCH, EMAIL)))
                .satisfies(mail -> {
                    assertThat(mail.text()).isEqualTo(text);
                    assertThat(mail.subject()).isEqualTo("催办：投诉" + registered.number() + "，2026-11-22 11:00到期");
                });
    }

    @Test
    void tellsTheBranchAndTheSupervisorsOfALevelOneEscalationAndOnlyTheSupervisorsOfALevelTwo() {
        ComplaintRegistered registered = registeredAndAcknowledged();
        TicketEscalated levelOne = goldenFor(EventType.TICKET_ESCALATED, registered.complaintId());
        TicketEscalated levelTwo = new TicketEscalated(UUID.randomUUID(), levelOne.occurredAt(),
                registered.complaintId(), levelOne.ticketId(), levelOne.branch(), 2, null, null,
                EscalationReason.UNCLAIMED);

        kafka.publish(levelOne);
        kafka.publish(levelOne);
        kafka.publish(levelTwo);

        Map<String, Message> sent = awaitMessages(registered.complaintId(), 7,
                Message.idFor(levelTwo.eventId(), Purpose.ESCALATION_LEVEL_2, SUPERVISORS, EMAIL));
        String ticket = "工单" + levelOne.ticketId() + "（投诉" + registered.number() + "）";
        assertThat(sent.get(Message.idFor(levelOne.eventId(), Purpose.ESCALATION_LEVEL_1, BRANCH, LIVE)).text())
                .isEqualTo("一级督办：" + ticket + "已进入督办，原因：办结时限已于2026-11-22 10:29超时。");
        assertThat(sent.get(Message.idFor(levelOne.eventId(), Purpose.ESCALATION_LEVEL_1, SUPERVISORS, LIVE)))
                .satisfies(live -> {
                    assertThat(live.recipient()).isEqualTo("supervisors");
                    assertThat(live.text()).isEqualTo("一级督办：支局LIXIA-01的" + ticket
                            + "，原因：办结时限已于2026-11-22 10:29超时。");
                });
        assertThat(sent.get(Message.idFor(levelOne.eventId(), Purpose.ESCALATION_LEVEL_1, SUPERVISORS, EMAIL)))
                .satisfies(mail -> {
                    assertThat(mail.recipient()).isEqualTo(SUPERVISORS_MAIL);
                    assertThat(mail.subject()).isEqualTo("一级督办：投诉" + registered.number() + "，支局LIXIA-01");
                });
        assertThat(sent.get(Message.idFor(levelOne.eventId(), Purpose.ESCALATION_LEVEL_1, BRANCH, EMAIL)).recipient())
                .isEqualTo(LIXIA_MAIL);
        assertThat(sent.get(Message.idFor(levelTwo.eventId(), Purpose.ESCALATION_LEVEL_2, SUPERVISORS, LIVE)).text())
                .isEqualTo("二级升级：支局LIXIA-01的" + ticket + "提交下次办公会处理，原因：工单被退单或改派3次仍无人签收。");
        assertThat(sent.get(Message.idFor(levelTwo.eventId(), Purpose.ESCALATION_LEVEL_2, SUPERVISORS, EMAIL))
                .subject()).isEqualTo("办公会议题：投诉" + registered.number() + "，支局LIXIA-01");
        assertThat(sent.values()).filteredOn(message -> message.purpose() == Purpose.ESCALATION_LEVEL_2)
                .extracting(Message::recipientKind).containsOnly(SUPERVISORS);
    }

    @Test
    void listsEveryCellOfTheMatrixWithItsVariables() {
        web.get().uri("/api/v1/templates")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(21)
                .jsonPath("$[0].purpose").isEqualTo("REGISTRATION_ACK")
                .jsonPath("$[0].recipient").isEqualTo("CUSTOMER")
                .jsonPath("$[0].channel").isEqualTo("SMS")
                .jsonPath("$[0].variables").isEqualTo(List.of("number", "replyWithin"))
                .jsonPath("$[?(@.purpose == 'ESCALATION_LEVEL_1')].recipient")
                .value(recipients -> assertThat((List<Object>) recipients)
                        .containsExactly("BRANCH", "BRANCH", "SUPERVISORS", "SUPERVISORS"))
                .jsonPath("$[?(@.purpose == 'CALLBACK_SURVEY')].variables[*]")
                .value(variables -> assertThat((List<Object>) variables)
                        .containsExactly("number", "replyCode", "replyBy"));
    }

    @Test
    void previewsATemplateForASampleComplaintInTheLanguageAskedFor() {
        web.get().uri("/api/v1/templates/preview?purpose=REGISTRATION_ACK&recipient=CUSTOMER&channel=SMS&language=en")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.purpose").isEqualTo("REGISTRATION_ACK")
                .jsonPath("$.recipient").isEqualTo("CUSTOMER")
                .jsonPath("$.channel").isEqualTo("SMS")
                .jsonPath("$.language").isEqualTo("en")
                .jsonPath("$.subject").doesNotExist()
                .jsonPath("$.text").isEqualTo("Your complaint TS-20261122-000123 has been registered. "
                        + "We will reply within 24 hours.");
        clock.add(Duration.ofHours(1));
        web.get().uri("/api/v1/templates/preview?purpose=SLA_WARNING&recipient=BRANCH&channel=EMAIL")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.language").isEqualTo("zh-CN")
                .jsonPath("$.subject").isEqualTo("催办：投诉TS-20261122-000123，2026-11-23 16:00到期")
                .jsonPath("$.text").value(text -> assertThat((String) text)
                        .startsWith("催办：工单").endsWith("的办结时限已过75%，请于2026-11-23 16:00前完成。"));
    }

    @Test
    void rejectsAPreviewWithBadOrMissingParametersNamingEachField() {
        web.get().uri("/api/v1/templates/preview?purpose=THANK_YOU&channel=PIGEON&language=fr")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("purpose", "recipient", "channel", "language"));
    }

    @Test
    void rejectsAPreviewOfACombinationThatIsNotInTheMatrix() {
        web.get().uri("/api/v1/templates/preview?purpose=REGISTRATION_ACK&recipient=BRANCH&channel=LIVE")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("recipient");
        web.get().uri("/api/v1/templates/preview?purpose=NEW_TICKET&recipient=BRANCH&channel=SMS")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("channel")
                .jsonPath("$.errors.length()").isEqualTo(1);
    }

    // --- fixtures

    static TicketAssigned assigned(TicketAssigned golden, String branch, AssignmentReason reason, Priority priority) {
        return new TicketAssigned(UUID.randomUUID(), golden.occurredAt(), golden.complaintId(),
                UUID.randomUUID().toString(), branch, golden.category(), priority, golden.ticketId(), reason,
                golden.channel(), golden.registeredAt());
    }

    ComplaintRegistered registeredAndAcknowledged() {
        ComplaintRegistered registered = registered();
        kafka.publish(registered);
        awaitMessages(registered.complaintId(), 1);
        return registered;
    }

    /** Waits until the complaint has exactly this many messages and answers them by id. */
    Map<String, Message> awaitMessages(String complaintId, int count) {
        await().untilAsserted(() -> messagesOf(complaintId).jsonPath("$.length()").isEqualTo(count));
        return messagesById(complaintId, count);
    }

    /**
     * Waits until the message with this id, caused by the last event published, is there, and answers the
     * complaint's messages by id, which must be this many (one complaint's events are handled in order, so the
     * events before the last one were handled by then).
     */
    Map<String, Message> awaitMessages(String complaintId, int count, String lastId) {
        await().untilAsserted(() -> messagesOf(complaintId).jsonPath("$[*].id").value(hasItem(lastId)));
        return messagesById(complaintId, count);
    }

    Map<String, Message> messagesById(String complaintId, int count) {
        List<Message> recorded = storedMessagesOf(complaintId);
        assertThat(recorded).hasSize(count);
        return recorded.stream().collect(Collectors.toMap(Message::id, Function.identity()));
    }

    /** The mail with this subject that the SMTP server received for the address; null while there is none. */
    static MimeMessage mailTo(String address, String subject) {
        return Arrays.stream(LocalChannelServers.mail().getReceivedMessages())
                .filter(received -> {
                    try {
                        return subject.equals(received.getSubject()) && Arrays.stream(received.getAllRecipients())
                                .anyMatch(recipient -> recipient.toString().equals(address));
                    } catch (jakarta.mail.MessagingException unreadable) {
                        return false;
                    }
                })
                .findFirst().orElse(null);
    }
}
