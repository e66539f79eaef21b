package closedloop.localstack.console;

import closedloop.console.ConsoleWordLists;
import closedloop.contracts.AssignmentReason;
import closedloop.contracts.CallbackAttemptResult;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ContactMethod;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.Priority;
import closedloop.contracts.ProblemOrigin;
import closedloop.contracts.PromiseKind;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.RootCause;
import closedloop.contracts.TimeBasis;
import closedloop.escalation.obligation.ObligationStatus;
import closedloop.escalation.problem.ActionStatus;
import closedloop.escalation.problem.ProblemStatus;
import closedloop.escalation.sla.ClockState;
import closedloop.escalation.sla.ExtensionStatus;
import closedloop.escalation.supervision.AgendaStatus;
import closedloop.escalation.supervision.AlertKind;
import closedloop.escalation.supervision.AlertStatus;
import closedloop.intake.complaint.ComplaintStatus;
import closedloop.notification.callback.CallbackStatus;
import closedloop.notification.callback.web.CallbackWorklistStatus;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.template.MessageMatrix;
import closedloop.router.routing.TicketAction;
import closedloop.router.routing.TicketStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's copy of the vocabularies, held against the enums of event-contracts and of the services the console
 * calls: the choices it offers are the contract's values in their order, and every value a service answers with has
 * its words, no word naming a value that no longer exists. The console cannot share the enums (it knows the services
 * only by their HTTP APIs), so this test is what keeps the copy in step.
 */
class ConsoleVocabularyUnitTests {

    /** The choices of messages.js's VOCABULARY: each is an enum of the contracts, in the enum's order. */
    static final Map<String, Class<? extends Enum<?>>> CHOICES = Map.ofEntries(
            entry("channel", Channel.class),
            entry("category", Category.class),
            entry("priority", Priority.class),
            entry("rootCause", RootCause.class),
            entry("returnReason", ReturnReason.class),
            entry("contactMethod", ContactMethod.class),
            entry("outcome", CallbackOutcome.class),
            entry("attemptResult", CallbackAttemptResult.class),
            entry("promiseKind", PromiseKind.class));

    /** History entries a ticket writes when it opens, beside the actions of {@link TicketAction} (Ticket.open). */
    static final List<String> OPENING_ACTIONS = List.of("assign", "reopen");

    static ConsoleWordLists words;

    @BeforeAll
    static void runTheConsolesScripts() {
        words = ConsoleWordLists.read();
    }

    @Test
    void offersExactlyTheChoicesOfTheContractsInTheirOrder() {
        assertThat(words.vocabulary().keySet()).containsExactlyInAnyOrderElementsOf(CHOICES.keySet());
        CHOICES.forEach((vocabulary, type) -> assertThat(words.vocabulary().get(vocabulary)).as(vocabulary)
                .containsExactlyElementsOf(names(type)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wordsForEnums")
    void hasWordsForEveryValueAndForNoOther(String group, List<String> values) {
        assertThat(words.valuesNamed(group)).as(group).containsExactlyInAnyOrderElementsOf(values);
    }

    static Stream<Arguments> wordsForEnums() {
        return Stream.concat(CHOICES.entrySet().stream()
                        .map(choice -> Arguments.of(choice.getKey(), names(choice.getValue()))),
                Stream.of(
                        Arguments.of("complaintStatus", names(ComplaintStatus.class)),
                        Arguments.of("ticketStatus", names(TicketStatus.class)),
                        Arguments.of("clock", names(ClockKind.class)),
                        // a running clock shows its countdown, not a word
                        Arguments.of("clock.state", Arrays.stream(ClockState.values())
                                .filter(state -> state != ClockState.RUNNING).map(Enum::name).toList()),
                        Arguments.of("escalationReason", names(EscalationReason.class)),
                        Arguments.of("alertKind", names(AlertKind.class)),
                        Arguments.of("alertStatus", names(AlertStatus.class)),
                        Arguments.of("extensionStatus", names(ExtensionStatus.class)),
                        Arguments.of("agendaStatus", names(AgendaStatus.class)),
                        Arguments.of("obligationStatus", names(ObligationStatus.class)),
                        Arguments.of("problemOrigin", names(ProblemOrigin.class)),
                        Arguments.of("problemStatus", names(ProblemStatus.class)),
                        Arguments.of("actionStatus", names(ActionStatus.class)),
                        // how a branch let go of a complaint: the final statuses of its ticket
                        Arguments.of("endedBy", Arrays.stream(TicketStatus.values())
                                .filter(status -> !status.isOpen()).map(Enum::name).toList()),
                        Arguments.of("alerts.filter", Stream.concat(Stream.of("all"), Arrays.stream(AlertKind.values())
                                .map(kind -> String.valueOf(kind.level()))).distinct().toList()),
                        Arguments.of("dispatcher.assignmentReason", names(AssignmentReason.class)),
                        Arguments.of("dispatcher.action", Stream.concat(Arrays.stream(TicketAction.values())
                                .map(TicketAction::label), OPENING_ACTIONS.stream()).toList()),
                        // the live messages a branch's dispatcher receives
                        Arguments.of("dispatcher.purpose", Arrays.stream(Purpose.values())
                                .filter(purpose -> MessageMatrix.contains(purpose, RecipientKind.BRANCH,
                                        MessageChannel.LIVE))
                                .map(Enum::name).toList()),
                        // the bases a limit of the supervisor's what-if draft is counted in
                        Arguments.of("whatIf.basis", names(TimeBasis.class)),
                        Arguments.of("agent.callbacks.status", names(CallbackStatus.class)),
                        Arguments.of("agent.callbacks.filter", names(CallbackWorklistStatus.class))));
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
