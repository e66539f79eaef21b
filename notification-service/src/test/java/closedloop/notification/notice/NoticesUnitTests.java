package closedloop.notification.notice;

import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import closedloop.notification.NotificationProperties;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Messenger;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.template.MessageTemplates;
import closedloop.notification.template.TemplateLanguages;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class NoticesUnitTests {

    static final MessageTemplates TEMPLATES = new MessageTemplates(new TemplateLanguages(Locale.ENGLISH, Locale.ENGLISH),
            new NotificationProperties(Duration.ofHours(24), Duration.ofHours(24), ZoneId.of("Asia/Shanghai")));
    static final Map<String, Object> ESCALATION = Map.of("number", "TS-1", "ticketId", "t-1", "branch", "LIXIA-01",
            "limit", ClockKind.RESOLVE, "deadline", Instant.parse("2026-11-22T02:29:59Z"),
            "reason", EscalationReason.LIMIT_PASSED);

    final Messenger messenger = mock(Messenger.class);

    List<Outgoing> sent(EmailAddresses addresses, Audience audience) {
        when(messenger.send(any())).thenReturn(Mono.empty());
        new Notices(TEMPLATES, messenger, addresses).send(UUID.randomUUID(), "c-1", Purpose.ESCALATION_LEVEL_1,
                audience, ESCALATION).block();
        ArgumentCaptor<Outgoing> outgoing = ArgumentCaptor.forClass(Outgoing.class);
        verify(messenger, atLeastOnce()).send(outgoing.capture());
        return outgoing.getAllValues();
    }

    @Test
    void sendsALevelOneEscalationToTheBranchAndTheSupervisorsLiveAndByMail() {
        List<Outgoing> sent = sent(new EmailAddresses(List.of("a@x", "b@x"), Map.of(), "{branch}@branches.x"),
                Audience.branch("LIXIA-01"));

        assertThat(sent).extracting(Outgoing::recipientKind, Outgoing::channel, Outgoing::recipient)
                .containsExactly(tuple(RecipientKind.BRANCH, MessageChannel.LIVE, "branch:LIXIA-01"),
                        tuple(RecipientKind.BRANCH, MessageChannel.EMAIL, "lixia-01@branches.x"),
                        tuple(RecipientKind.SUPERVISORS, MessageChannel.LIVE, "supervisors"),
                        tuple(RecipientKind.SUPERVISORS, MessageChannel.EMAIL, "a@x,b@x"));
        assertThat(sent).filteredOn(outgoing -> outgoing.channel() == MessageChannel.EMAIL)
                .extracting(Outgoing::subject)
                .containsExactly("Under supervision: complaint TS-1", "Level 1 supervision: complaint TS-1, branch LIXIA-01");
        assertThat(sent).filteredOn(outgoing -> outgoing.channel() == MessageChannel.LIVE)
                .allSatisfy(live -> assertThat(live.subject()).isNull());
    }

    @Test
    void sendsNoMailWhereNoAddressIsConfiguredButStillTheLiveAlerts() {
        List<Outgoing> sent = sent(new EmailAddresses(List.of(), Map.of(), ""), Audience.branch("LIXIA-01"));

        assertThat(sent).extracting(Outgoing::recipientKind, Outgoing::channel)
                .containsExactly(tuple(RecipientKind.BRANCH, MessageChannel.LIVE),
                        tuple(RecipientKind.SUPERVISORS, MessageChannel.LIVE));
    }

    @Test
    void tellsTheSupervisorsEvenWhenTheEventNamesNoBranch() {
        List<Outgoing> sent = sent(new EmailAddresses(List.of("a@x"), Map.of(), "{branch}@branches.x"),
                Audience.branch(null));

        assertThat(sent).extracting(Outgoing::recipientKind).containsOnly(RecipientKind.SUPERVISORS).hasSize(2);
    }

    @Test
    void triesEveryMessageBeforeReportingAFailedOne() {
        when(messenger.send(any())).thenReturn(Mono.error(new IllegalStateException("No sender")), Mono.empty());
        Notices notices = new Notices(TEMPLATES, messenger, new EmailAddresses(List.of("a@x"), Map.of(), ""));

        assertThatThrownBy(() -> notices.send(UUID.randomUUID(), "c-1", Purpose.ESCALATION_LEVEL_2,
                Audience.supervisors(), ESCALATION).block()).hasMessageContaining("No sender");

        verify(messenger, org.mockito.Mockito.times(2)).send(any());
    }
}
