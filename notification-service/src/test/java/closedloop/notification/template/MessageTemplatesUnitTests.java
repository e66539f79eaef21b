package closedloop.notification.template;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.Priority;
import closedloop.notification.NotificationProperties;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static closedloop.notification.message.MessageChannel.EMAIL;
import static closedloop.notification.message.MessageChannel.LIVE;
import static closedloop.notification.message.MessageChannel.SMS;
import static closedloop.notification.message.RecipientKind.BRANCH;
import static closedloop.notification.message.RecipientKind.CUSTOMER;
import static closedloop.notification.message.RecipientKind.SUPERVISORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplatesUnitTests {

    static final String NUMBER = "TS-20261122-000123";
    static final String TICKET = "5f0c2b9e-7a41-4d3b-8e16-2c9d4f7a1b38";
    static final Locale EN = Locale.ENGLISH;
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    final MessageTemplates templates = templates(ZoneId.of("Asia/Shanghai"));

    static MessageTemplates templates(ZoneId zone) {
        return new MessageTemplates(new TemplateLanguages(ZH, EN),
                new NotificationProperties(Duration.ofHours(24), Duration.ofHours(24), zone));
    }

    String text(Purpose purpose, RecipientKind kind, Locale language, Object... namesAndValues) {
        return templates.render(purpose, kind, kind == CUSTOMER ? SMS : LIVE, variables(namesAndValues), language)
                .text();
    }

    static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    @Test
    void acknowledgesTheRegistrationWithTheNumberAndThePromisedReplyTime() {
        assertThat(text(Purpose.REGISTRATION_ACK, CUSTOMER, EN, "number", NUMBER, "replyWithin", Duration.ofHours(24)))
                .isEqualTo("Your complaint TS-20261122-000123 has been registered. We will reply within 24 hours.");
        assertThat(text(Purpose.REGISTRATION_ACK, CUSTOMER, ZH, "number", NUMBER, "replyWithin", Duration.ofHours(24)))
                .isEqualTo("您的投诉已受理，编号TS-20261122-000123，我们将在24小时内答复。");
    }

    @Test
    void writesToEachKindOfRecipientInItsConfiguredLanguage() {
        Map<String, Object> registration = variables("number", NUMBER, "replyWithin", Duration.ofHours(24));
        Map<String, Object> ticket = variables("number", NUMBER, "ticketId", TICKET, "category", Category.BILLING,
                "priority", Priority.URGENT, "branch", "LIXIA-01");

        assertThat(templates.render(Purpose.REGISTRATION_ACK, CUSTOMER, SMS, registration).text())
                .startsWith("您的投诉已受理");
        assertThat(templates.render(Purpose.NEW_TICKET, BRANCH, LIVE, ticket).text())
                .startsWith("New ticket " + TICKET);
    }

    @Test
    void promisesTheReplyInDaysHoursOrMinutes() {
        assertThat(within(Duration.ofHours(1), EN)).endsWith("within 1 hour.");
        assertThat(within(Duration.ofHours(48), EN)).endsWith("within 2 days.");
        assertThat(within(Duration.ofHours(36), EN)).endsWith("within 36 hours.");
        assertThat(within(Duration.ofMinutes(90), EN)).endsWith("within 90 minutes.");
        assertThat(within(Duration.ofHours(48), ZH)).endsWith("在2天内答复。");
        assertThat(within(Duration.ofHours(36), ZH)).endsWith("在36小时内答复。");
        assertThat(within(Duration.ofMinutes(90), ZH)).endsWith("在90分钟内答复。");
    }

    String within(Duration duration, Locale language) {
        return text(Purpose.REGISTRATION_ACK, CUSTOMER, language, "number", NUMBER, "replyWithin", duration);
    }

    @Test
    void announcesTheResolutionAndTheCallback() {
        assertThat(text(Purpose.RESOLUTION_NOTICE, CUSTOMER, EN, "number", NUMBER))
                .isEqualTo("Your complaint TS-20261122-000123 has been resolved. We will call you shortly to ask "
                        + "whether you are satisfied.");
        assertThat(text(Purpose.RESOLUTION_NOTICE, CUSTOMER, ZH, "number", NUMBER))
                .isEqualTo("您的投诉TS-20261122-000123已处理完毕，我们稍后将回访，了解您是否满意。");
    }

    @Test
    void thanksTheCustomerWhenTheComplaintIsClosed() {
        assertThat(text(Purpose.CLOSURE_NOTICE, CUSTOMER, EN, "number", NUMBER, "outcome", CallbackOutcome.SATISFIED))
                .isEqualTo("Your complaint TS-20261122-000123 is now closed. Thank you for your feedback.");
        assertThat(text(Purpose.CLOSURE_NOTICE, CUSTOMER, ZH, "number", NUMBER, "outcome",
                CallbackOutcome.BASICALLY_SATISFIED)).isEqualTo("您的投诉TS-20261122-000123已结案，感谢您的反馈。");
    }

    @Test
    void tellsAnUnreachableCustomerHowToComeBack() {
        assertThat(text(Purpose.CLOSURE_NOTICE, CUSTOMER, EN, "number", NUMBER, "outcome", CallbackOutcome.UNREACHABLE))
                .isEqualTo("We could not reach you about your complaint TS-20261122-000123, so it is now closed. "
                        + "If the problem remains, call us and quote this number.");
        assertThat(text(Purpose.CLOSURE_NOTICE, CUSTOMER, ZH, "number", NUMBER, "outcome", CallbackOutcome.UNREACHABLE))
                .isEqualTo("我们未能联系到您，投诉TS-20261122-000123现已结案。如问题仍未解决，请致电我们并提供此编号。");
    }

    @Test
    void tellsTheCustomerTheNewDeadlineOfAnExtensionOnTheirWallClock() {
        Instant deadline = Instant.parse("2026-11-25T10:00:00Z");

        assertThat(text(Purpose.EXTENSION_NOTICE, CUSTOMER, EN, "number", NUMBER, "deadline", deadline))
                .isEqualTo("Your complaint TS-20261122-000123 needs more time. We will resolve it by 2026-11-25 18:00.");
        assertThat(text(Purpose.EXTENSION_NOTICE, CUSTOMER, ZH, "number", NUMBER, "deadline", deadline))
                .isEqualTo("您的投诉TS-20261122-000123需要更多处理时间，我们将于2026-11-25 18:00前处理完毕。");
    }

    @Test
    void tellsTheCustomerAPromiseWasKeptWithItsReference() {
        assertThat(text(Purpose.PROMISE_KEPT, CUSTOMER, EN, "number", NUMBER, "reference", "RF-0042"))
                .isEqualTo("Your complaint TS-20261122-000123: we have kept our promise to you (reference RF-0042). "
                        + "Thank you for your patience.");
        assertThat(text(Purpose.PROMISE_KEPT, CUSTOMER, ZH, "number", NUMBER, "reference", "RF-0042"))
                .isEqualTo("您的投诉TS-20261122-000123：我们已兑现对您的承诺（凭证号RF-0042），感谢您的耐心。");
    }

    @Test
    void tellsTheCustomerTheProblemBehindTheirComplaintWasSolvedWithItsResolution() {
        assertThat(text(Purpose.PROBLEM_SOLVED, CUSTOMER, EN, "number", NUMBER, "resolution",
                "Every double charge refunded"))
                .isEqualTo("Your complaint TS-20261122-000123: the cause behind it has been fixed: "
                        + "Every double charge refunded. Thank you for your patience.");
        assertThat(text(Purpose.PROBLEM_SOLVED, CUSTOMER, ZH, "number", NUMBER, "resolution", "重复扣费已全部退还"))
                .isEqualTo("您的投诉TS-20261122-000123：引起该投诉的问题已彻底解决：重复扣费已全部退还。感谢您的耐心。");
    }

    @Test
    void tellsTimesInTheOperatorsZoneToTheMinute() {
        assertThat(deadlineIn(Instant.parse("2026-11-24T16:30:00Z"), templates)).endsWith("2026-11-25 00:30.");
        assertThat(deadlineIn(Instant.parse("2026-11-22T02:29:59Z"), templates)).endsWith("2026-11-22 10:29.");
        assertThat(deadlineIn(Instant.parse("2026-11-22T02:29:59Z"), templates(ZoneId.of("UTC"))))
                .endsWith("2026-11-22 02:29.");
    }

    static String deadlineIn(Instant deadline, MessageTemplates templates) {
        return templates.render(Purpose.EXTENSION_NOTICE, CUSTOMER, SMS,
                Map.of("number", NUMBER, "deadline", deadline), EN).text();
    }

    @Test
    void asksTheSurveyQuestionsBySmsAndTellsHowToReply() {
        Map<String, Object> survey = variables("number", NUMBER, "replyCode", "4821",
                "replyBy", Instant.parse("2026-11-26T01:00:00Z"));

        assertThat(templates.render(Purpose.CALLBACK_SURVEY, CUSTOMER, SMS, survey, EN).text())
                .contains(NUMBER, "by 2026-11-26 09:00", "4821 <1 satisfied|2 basically satisfied|3 unsatisfied>",
                        "easy to reach us, speed, staff skill, staff attitude", "what to improve",
                        "E.g. 4821 1 5 4 5 5 faster please");
        assertThat(templates.render(Purpose.CALLBACK_SURVEY, CUSTOMER, SMS, survey, ZH).text())
                .contains(NUMBER, "2026-11-26 09:00前", "4821 <1满意|2基本满意|3不满意>", "联系便利 处理速度 人员技能 服务态度",
                        "改进建议", "例：4821 1 5 4 5 5");
    }

    @Test
    void chasesTheBranchWithTheTicketTheComplaintTheLimitAndItsDueTime() {
        Object[] warning = {"number", NUMBER, "ticketId", TICKET, "limit", ClockKind.SIGN_FOR,
                "deadline", Instant.parse("2026-11-22T03:00:00Z")};

        assertThat(text(Purpose.SLA_WARNING, BRANCH, EN, warning)).isEqualTo("Reminder: 75% of the sign-for limit of "
                + "ticket " + TICKET + " (complaint TS-20261122-000123) has passed. It is due by 2026-11-22 11:00.");
        assertThat(text(Purpose.SLA_WARNING, BRANCH, ZH, warning)).isEqualTo("催办：工单" + TICKET
                + "（投诉TS-20261122-000123）的签收时限已过75%，请于2026-11-22 11:00前完成。");
    }

    @ParameterizedTest
    @EnumSource(ClockKind.class)
    void namesEveryLimitInItsOwnWords(ClockKind clock) {
        for (Locale language : MessageTemplates.LANGUAGES) {
            String text = text(Purpose.SLA_WARNING, BRANCH, language, "number", NUMBER, "ticketId", TICKET,
                    "limit", clock, "deadline", Instant.parse("2026-11-22T03:00:00Z"));

            assertThat(text).doesNotContain(clock.name());
            assertThat(Arrays.stream(ClockKind.values()).map(limit -> text(Purpose.SLA_WARNING, BRANCH, language,
                    "number", NUMBER, "ticketId", TICKET, "limit", limit, "deadline", Instant.EPOCH)).distinct())
                    .hasSize(ClockKind.values().length);
        }
    }

    @Test
    void tellsTheBranchItsTicketIsUnderSupervisionBecauseALimitPassed() {
        Object[] escalation = {"number", NUMBER, "ticketId", TICKET, "branch", "LIXIA-01", "limit", ClockKind.RESOLVE,
                "deadline", Instant.parse("2026-11-22T02:29:59Z"), "reason", EscalationReason.LIMIT_PASSED};

        assertThat(text(Purpose.ESCALATION_LEVEL_1, BRANCH, EN, escalation)).isEqualTo("Escalated to level 1: ticket "
                + TICKET + " (complaint TS-20261122-000123) is now under supervision because its resolve limit passed "
                + "at 2026-11-22 10:29.");
        assertThat(text(Purpose.ESCALATION_LEVEL_1, BRANCH, ZH, escalation)).isEqualTo("一级督办：工单" + TICKET
                + "（投诉TS-20261122-000123）已进入督办，原因：办结时限已于2026-11-22 10:29超时。");
        assertThat(text(Purpose.ESCALATION_LEVEL_1, SUPERVISORS, EN, escalation)).isEqualTo("Level 1 supervision: "
                + "ticket " + TICKET + " of branch LIXIA-01 (complaint TS-20261122-000123) because its resolve limit "
                + "passed at 2026-11-22 10:29.");
    }

    @Test
    void tellsTheSupervisorsATicketGoesToTheOfficeMeetingAndWhy() {
        String prefix = "Escalated to level 2: ticket " + TICKET + " of branch LIXIA-01 (complaint TS-20261122-000123) "
                + "goes on the agenda of the next office meeting because ";
        Instant deadline = Instant.parse("2026-11-23T02:30:00Z");

        assertThat(levelTwo(EscalationReason.REOPENED_TWICE, null, null, EN))
                .isEqualTo(prefix + "the complaint was reopened twice.");
        assertThat(levelTwo(EscalationReason.UNCLAIMED, null, null, EN))
                .isEqualTo(prefix + "it was returned or re-routed 3 times with nobody signing for it.");
        assertThat(levelTwo(EscalationReason.MAJOR_BREACHED, ClockKind.SIGN_FOR, deadline, EN))
                .isEqualTo(prefix + "it is a major complaint and its sign-for limit passed at 2026-11-23 10:30.");
        assertThat(levelTwo(EscalationReason.LONG_PAST_LIMIT, ClockKind.RESOLVE, deadline, EN))
                .isEqualTo(prefix + "it is still unresolved long after its resolve limit passed at 2026-11-23 10:30.");
        assertThat(levelTwo(EscalationReason.REOPENED_TWICE, null, null, ZH)).isEqualTo("二级升级：支局LIXIA-01的工单"
                + TICKET + "（投诉TS-20261122-000123）提交下次办公会处理，原因：投诉已两次发回重办。");
        assertThat(levelTwo(EscalationReason.MAJOR_BREACHED, ClockKind.SIGN_FOR, deadline, ZH))
                .endsWith("原因：重大投诉，签收时限已于2026-11-23 10:30超时。");
    }

    String levelTwo(EscalationReason reason, ClockKind clock, Instant deadline, Locale language) {
        return text(Purpose.ESCALATION_LEVEL_2, SUPERVISORS, language, "number", NUMBER, "ticketId", TICKET,
                "branch", "LIXIA-01", "limit", clock, "deadline", deadline, "reason", reason);
    }

    @Test
    void saysAValueIsUnknownWhenTheEventLeftItOut() {
        assertThat(levelTwo(EscalationReason.LIMIT_PASSED, ClockKind.OUTSIDE, null, EN))
                .endsWith("because its outside reply limit (regulator or 12315) passed at (unknown).");
        assertThat(levelTwo(EscalationReason.LIMIT_PASSED, null, null, ZH)).endsWith("原因：（未知）已于（未知）超时。");
    }

    @Test
    void tellsTheBranchOfANewTicketAndOfAReopenedOne() {
        Object[] ticket = {"number", NUMBER, "ticketId", TICKET, "category", Category.INSTALLATION_REPAIR,
                "priority", Priority.URGENT, "branch", "LIXIA-01"};
        Object[] reopened = {"number", NUMBER, "ticketId", TICKET, "reopenCount", 2, "priority", Priority.MAJOR};

        assertThat(text(Purpose.NEW_TICKET, BRANCH, EN, ticket)).isEqualTo("New ticket " + TICKET + " for branch "
                + "LIXIA-01: complaint TS-20261122-000123, installation and repair, urgent priority. Please sign for it.");
        assertThat(text(Purpose.NEW_TICKET, BRANCH, ZH, ticket)).isEqualTo("新工单" + TICKET
                + "（支局LIXIA-01）：投诉TS-20261122-000123，装拆移修，优先级紧急，请及时签收。");
        assertThat(text(Purpose.TICKET_REOPENED, BRANCH, EN, reopened)).isEqualTo("Complaint TS-20261122-000123 was "
                + "reopened (reopen no. 2) because the customer was not satisfied: new ticket " + TICKET
                + ", major priority. Please sign for it.");
        assertThat(text(Purpose.TICKET_REOPENED, BRANCH, ZH, reopened)).isEqualTo("发回重办：客户不满意，投诉"
                + "TS-20261122-000123第2次发回重办，新工单" + TICKET + "，优先级重大，请及时签收。");
    }

    @Test
    void givesAMailItsSubjectAndOtherChannelsNone() {
        Map<String, Object> ticket = variables("number", NUMBER, "ticketId", TICKET, "category", Category.BILLING,
                "priority", Priority.NORMAL, "branch", "LIXIA-01");

        RenderedText mail = templates.render(Purpose.NEW_TICKET, BRANCH, EMAIL, ticket, EN);
        RenderedText live = templates.render(Purpose.NEW_TICKET, BRANCH, LIVE, ticket, EN);

        assertThat(mail.subject()).isEqualTo("New ticket: complaint TS-20261122-000123 (normal)");
        assertThat(mail.text()).isEqualTo(live.text());
        assertThat(live.subject()).isNull();
        assertThat(templates.render(Purpose.NEW_TICKET, BRANCH, EMAIL, ticket, ZH).subject())
                .isEqualTo("新工单：投诉TS-20261122-000123（普通）");
    }

    @Test
    void tellsTheSupervisorsOfAFailedDeliveryTakingTheErrorLiterally() {
        Map<String, Object> failed = variables("complaintId", "c-1", "purpose", Purpose.REGISTRATION_ACK,
                "channel", MessageChannel.SMS, "recipient", "13800138000", "attempts", 5,
                "lastError", "503 {\"error\":\"busy\"} ${x} \\{y}");

        assertThat(templates.render(Purpose.DELIVERY_FAILED, SUPERVISORS, EMAIL, failed, EN).text())
                .isEqualTo("A message (registration acknowledgement) about complaint c-1 could not be delivered by SMS "
                        + "to 13800138000 after 5 attempts. Last error: 503 {\"error\":\"busy\"} ${x} \\{y}");
        assertThat(templates.render(Purpose.DELIVERY_FAILED, SUPERVISORS, LIVE, failed, ZH).text())
                .isEqualTo("投诉c-1的消息（受理短信）经短信发送给13800138000失败，已尝试5次。最后错误：503 {\"error\":\"busy\"} ${x} \\{y}");
    }

    @Test
    void failsLoudlyWhenAVariableIsMissing() {
        assertThatThrownBy(() -> templates.render(Purpose.REGISTRATION_ACK, CUSTOMER, SMS, Map.of("number", NUMBER), EN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replyWithin");
        assertThatThrownBy(() -> templates.render(Purpose.ESCALATION_LEVEL_1, BRANCH, LIVE, variables("number", NUMBER,
                "ticketId", TICKET, "branch", "B", "reason", EscalationReason.LIMIT_PASSED), ZH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void failsLoudlyForATemplateThatDoesNotExist() {
        assertThatThrownBy(() -> templates.render(Purpose.REGISTRATION_ACK, BRANCH, LIVE, Map.of("number", NUMBER), EN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REGISTRATION_ACK.BRANCH");
        assertThatThrownBy(() -> templates.render(Purpose.RESOLUTION_NOTICE, CUSTOMER, SMS, Map.of("number", NUMBER),
                Locale.FRENCH)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fr");
    }

    @ParameterizedTest
    @EnumSource(Purpose.class)
    void rendersEveryCellOfTheMatrixInBothLanguagesFromItsDeclaredVariablesAlone(Purpose purpose) {
        for (MessageMatrix.Cell cell : MessageMatrix.cellsOf(purpose)) {
            for (Locale language : MessageTemplates.LANGUAGES) {
                RenderedText rendered = templates.render(purpose, cell.recipientKind(), cell.channel(),
                        sample(purpose), language);

                assertThat(rendered.text()).isNotBlank().doesNotContain("{", "}", "(unknown)", "（未知）");
                if (cell.channel() == EMAIL) {
                    assertThat(rendered.subject()).isNotBlank().doesNotContain("{", "}");
                }
            }
        }
        assertThat(MessageMatrix.cellsOf(purpose)).isNotEmpty();
    }

    /** A value for each declared variable of the purpose, of the type the listeners give. */
    static Map<String, Object> sample(Purpose purpose) {
        Map<String, Object> values = new HashMap<>(Map.ofEntries(Map.entry("number", NUMBER),
                Map.entry("ticketId", TICKET), Map.entry("replyWithin", Duration.ofHours(24)),
                Map.entry("deadline", Instant.parse("2026-11-25T10:00:00Z")),
                Map.entry("outcome", CallbackOutcome.UNREACHABLE), Map.entry("replyCode", "4821"),
                Map.entry("replyBy", Instant.parse("2026-11-26T01:00:00Z")), Map.entry("category", Category.OTHER),
                Map.entry("priority", Priority.MAJOR), Map.entry("branch", "LIXIA-01"),
                Map.entry("limit", ClockKind.FIRST_CONTACT), Map.entry("reason", EscalationReason.MAJOR_BREACHED),
                Map.entry("reopenCount", 2), Map.entry("complaintId", "c-1"), Map.entry("purpose", Purpose.SLA_WARNING),
                Map.entry("channel", MessageChannel.EMAIL), Map.entry("recipient", "a@b.c"), Map.entry("attempts", 3),
                Map.entry("lastError", "timeout"), Map.entry("reference", "RF-0042"),
                Map.entry("resolution", "Every double charge refunded")));
        values.keySet().retainAll(MessageMatrix.variables(purpose));
        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(MessageMatrix.variables(purpose));
        return values;
    }

    @Test
    void hasEveryKeyInBothLanguages() throws IOException {
        assertThat(keys("templates/messages_zh_CN.properties").stringPropertyNames())
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(keys("templates/messages_en.properties").stringPropertyNames());
    }

    static Properties keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MessageTemplatesUnitTests.class.getClassLoader()
                .getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
