package closedloop.notification.message;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTextsUnitTests {

    static final String NUMBER = "TS-20261122-000123";
    static final String TICKET = "5f0c2b9e-7a41-4d3b-8e16-2c9d4f7a1b38";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void acknowledgesTheRegistrationWithTheNumberAndThePromisedReplyTime() {
        assertThat(MessageTexts.registrationAck(NUMBER, Duration.ofHours(24)))
                .isEqualTo("Your complaint TS-20261122-000123 has been registered. We will reply within 24 hours.");
    }

    @Test
    void promisesTheReplyInDaysHoursOrMinutes() {
        assertThat(MessageTexts.within(Duration.ofHours(1))).isEqualTo("within 1 hour");
        assertThat(MessageTexts.within(Duration.ofHours(48))).isEqualTo("within 2 days");
        assertThat(MessageTexts.within(Duration.ofHours(36))).isEqualTo("within 36 hours");
        assertThat(MessageTexts.within(Duration.ofMinutes(90))).isEqualTo("within 90 minutes");
    }

    @Test
    void announcesTheResolutionAndTheCallback() {
        assertThat(MessageTexts.resolutionNotice(NUMBER))
                .contains(NUMBER)
                .contains("resolved")
                .contains("call you");
    }

    @Test
    void thanksTheCustomerWhenTheComplaintIsClosed() {
        assertThat(MessageTexts.closureNotice(NUMBER, CallbackOutcome.SATISFIED))
                .isEqualTo("Your complaint TS-20261122-000123 is now closed. Thank you for your feedback.");
    }

    @Test
    void tellsAnUnreachableCustomerHowToComeBack() {
        assertThat(MessageTexts.closureNotice(NUMBER, CallbackOutcome.UNREACHABLE))
                .contains(NUMBER)
                .contains("could not reach you")
                .contains("quote this number");
    }

    @Test
    void tellsTheCustomerTheNewDeadlineOfAnExtensionOnTheirWallClock() {
        assertThat(MessageTexts.extensionNotice(NUMBER, Instant.parse("2026-11-25T10:00:00Z"), SHANGHAI))
                .isEqualTo("Your complaint TS-20261122-000123 needs more time. We will resolve it by 2026-11-25 18:00.");
    }

    @Test
    void tellsTimesInTheOperatorsZoneToTheMinute() {
        assertThat(MessageTexts.localTime(Instant.parse("2026-11-24T16:30:00Z"), SHANGHAI)).isEqualTo("2026-11-25 00:30");
        assertThat(MessageTexts.localTime(Instant.parse("2026-11-22T02:29:59Z"), SHANGHAI)).isEqualTo("2026-11-22 10:29");
        assertThat(MessageTexts.localTime(Instant.parse("2026-11-22T02:29:59Z"), ZoneId.of("UTC")))
                .isEqualTo("2026-11-22 02:29");
    }

    @Test
    void chasesTheBranchWithTheTicketTheComplaintTheLimitAndItsDueTime() {
        assertThat(MessageTexts.warning(NUMBER, TICKET, ClockKind.SIGN_FOR, Instant.parse("2026-11-22T03:00:00Z"),
                SHANGHAI)).isEqualTo("Reminder: 75% of the sign-for limit of ticket " + TICKET
                + " (complaint TS-20261122-000123) has passed. It is due by 2026-11-22 11:00.");
    }

    @ParameterizedTest
    @EnumSource(ClockKind.class)
    void namesEveryLimitInItsOwnWords(ClockKind clock) {
        String text = MessageTexts.warning(NUMBER, TICKET, clock, Instant.parse("2026-11-22T03:00:00Z"), SHANGHAI);

        assertThat(text).contains(MessageTexts.limit(clock)).doesNotContain(clock.name());
        assertThat(Arrays.stream(ClockKind.values()).map(MessageTexts::limit).distinct()).hasSize(ClockKind.values().length);
    }

    @Test
    void tellsTheBranchItsTicketIsUnderSupervisionBecauseALimitPassed() {
        assertThat(MessageTexts.escalation(NUMBER, TICKET, 1, ClockKind.RESOLVE, Instant.parse("2026-11-22T02:29:59Z"),
                EscalationReason.LIMIT_PASSED, SHANGHAI)).isEqualTo("Escalated to level 1: ticket " + TICKET
                + " (complaint TS-20261122-000123) is now under supervision because its resolve limit passed at "
                + "2026-11-22 10:29.");
    }

    @Test
    void tellsTheBranchItsTicketGoesToTheOfficeMeetingAndWhy() {
        String prefix = "Escalated to level 2: ticket " + TICKET + " (complaint TS-20261122-000123) goes on the agenda "
                + "of the next office meeting because ";
        Instant deadline = Instant.parse("2026-11-23T02:30:00Z");

        assertThat(MessageTexts.escalation(NUMBER, TICKET, 2, null, null, EscalationReason.REOPENED_TWICE, SHANGHAI))
                .isEqualTo(prefix + "the complaint was reopened twice.");
        assertThat(MessageTexts.escalation(NUMBER, TICKET, 2, null, null, EscalationReason.UNCLAIMED, SHANGHAI))
                .isEqualTo(prefix + "it was returned or re-routed 3 times with nobody signing for it.");
        assertThat(MessageTexts.escalation(NUMBER, TICKET, 2, ClockKind.SIGN_FOR, deadline,
                EscalationReason.MAJOR_BREACHED, SHANGHAI))
                .isEqualTo(prefix + "it is a major complaint and its sign-for limit passed at 2026-11-23 10:30.");
        assertThat(MessageTexts.escalation(NUMBER, TICKET, 2, ClockKind.RESOLVE, deadline,
                EscalationReason.LONG_PAST_LIMIT, SHANGHAI))
                .isEqualTo(prefix + "it is still unresolved long after its resolve limit passed at 2026-11-23 10:30.");
    }

    @Test
    void saysALimitPassedWhenTheEscalationNamesNoReasonNorLimit() {
        assertThat(MessageTexts.escalation(NUMBER, TICKET, 2, null, null, null, SHANGHAI))
                .endsWith("because a time limit passed.");
        assertThat(MessageTexts.escalation(NUMBER, TICKET, 1, ClockKind.OUTSIDE, null, null, SHANGHAI))
                .endsWith("because its outside reply limit (regulator or 12315) passed.");
    }
}
