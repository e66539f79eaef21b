package closedloop.router.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static closedloop.router.routing.TicketAction.ACCEPT;
import static closedloop.router.routing.TicketAction.DISPATCH;
import static closedloop.router.routing.TicketAction.EXTENSION;
import static closedloop.router.routing.TicketAction.FIRST_CONTACT;
import static closedloop.router.routing.TicketAction.HANDLER;
import static closedloop.router.routing.TicketAction.NOTES;
import static closedloop.router.routing.TicketAction.RESOLVE;
import static closedloop.router.routing.TicketAction.RESUME;
import static closedloop.router.routing.TicketAction.RETURN;
import static closedloop.router.routing.TicketAction.TRANSFER;
import static closedloop.router.routing.TicketAction.WAIT;
import static closedloop.router.routing.TicketStatus.ACCEPTED;
import static closedloop.router.routing.TicketStatus.ASSIGNED;
import static closedloop.router.routing.TicketStatus.IN_PROGRESS;
import static closedloop.router.routing.TicketStatus.RESOLVED;
import static closedloop.router.routing.TicketStatus.RETURNED;
import static closedloop.router.routing.TicketStatus.TRANSFERRED;
import static closedloop.router.routing.TicketStatus.WAITING_ON_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketStateMachineUnitTests {

    /** The whole transition table, written out independently of the enums: status → action → next status. */
    private static final Map<TicketStatus, Map<TicketAction, TicketStatus>> TABLE = new EnumMap<>(TicketStatus.class);

    static {
        TABLE.put(ASSIGNED, Map.of(ACCEPT, ACCEPTED, NOTES, ASSIGNED, RETURN, RETURNED, DISPATCH, TRANSFERRED,
                TRANSFER, TRANSFERRED));
        TABLE.put(ACCEPTED, Map.of(HANDLER, IN_PROGRESS, NOTES, ACCEPTED, FIRST_CONTACT, IN_PROGRESS,
                EXTENSION, ACCEPTED, WAIT, WAITING_ON_CUSTOMER, RESOLVE, RESOLVED, RETURN, RETURNED,
                TRANSFER, TRANSFERRED));
        TABLE.put(IN_PROGRESS, Map.of(HANDLER, IN_PROGRESS, NOTES, IN_PROGRESS, FIRST_CONTACT, IN_PROGRESS,
                EXTENSION, IN_PROGRESS, WAIT, WAITING_ON_CUSTOMER, RESOLVE, RESOLVED, TRANSFER, TRANSFERRED));
        TABLE.put(WAITING_ON_CUSTOMER, Map.of(HANDLER, IN_PROGRESS, NOTES, WAITING_ON_CUSTOMER,
                FIRST_CONTACT, IN_PROGRESS, RESUME, IN_PROGRESS, TRANSFER, TRANSFERRED));
        TABLE.put(RESOLVED, Map.of());
        TABLE.put(RETURNED, Map.of());
        TABLE.put(TRANSFERRED, Map.of());
    }

    @Test
    void coversEveryStatusAndActionInTheTable() {
        assertThat(TABLE).containsOnlyKeys(TicketStatus.values());
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void movesEachStatusByEachAllowedActionAsTheTableSays(TicketStatus status) {
        for (TicketAction action : TicketAction.values()) {
            TicketStatus expected = TABLE.get(status).get(action);
            if (expected == null) {
                assertThatThrownBy(() -> status.after(action)).as("%s × %s", status, action)
                        .isInstanceOfSatisfying(IllegalTicketTransition.class, illegal -> {
                            assertThat(illegal.currentState()).isEqualTo(status.name());
                            assertThat(illegal.action()).isEqualTo(action.label());
                            assertThat(illegal.allowedActions()).isEqualTo(TicketAction.labels(status.allowedActions()));
                        });
            } else {
                assertThat(status.after(action)).as("%s × %s", status, action).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void listsTheAllowedActionsOfEachStatusInWorkflowOrder(TicketStatus status) {
        List<TicketAction> atTheDesk = List.of(TicketAction.values()).stream()
                .filter(TABLE.get(status)::containsKey).toList();

        assertThat(status.allowedActions(true)).isEqualTo(atTheDesk);
        assertThat(status.allowedActions(false)).isEqualTo(atTheDesk.stream().filter(a -> a != DISPATCH).toList());
        assertThat(status.allowedActions()).isEqualTo(status.allowedActions(false));
    }

    @Test
    void offersTheBranchSigningForReturningNotesAndTransferOnAnAssignedTicket() {
        assertThat(ASSIGNED.allowedActions()).containsExactly(ACCEPT, NOTES, RETURN, TRANSFER);
        assertThat(ASSIGNED.allowedActions(true)).containsExactly(ACCEPT, NOTES, RETURN, DISPATCH, TRANSFER);
    }

    @Test
    void refusesToResolveATicketNobodySignedFor() {
        assertThatThrownBy(() -> ASSIGNED.after(RESOLVE))
                .isInstanceOfSatisfying(IllegalTicketTransition.class, illegal -> {
                    assertThat(illegal).hasMessage("Cannot resolve a ticket that is ASSIGNED");
                    assertThat(illegal.what()).isEqualTo("ticket");
                    assertThat(illegal.currentState()).isEqualTo("ASSIGNED");
                    assertThat(illegal.action()).isEqualTo("resolve");
                    assertThat(illegal.allowedActions()).containsExactly("accept", "notes", "return", "transfer");
                });
    }

    @Test
    void refusesToReturnATicketSomeoneIsWorkingOn() {
        assertThatThrownBy(() -> IN_PROGRESS.after(RETURN)).isInstanceOf(IllegalTicketTransition.class);
        assertThatThrownBy(() -> WAITING_ON_CUSTOMER.after(RETURN)).isInstanceOf(IllegalTicketTransition.class);
    }

    @Test
    void refusesToSignForATicketTwice() {
        assertThatThrownBy(() -> ACCEPTED.after(ACCEPT)).isInstanceOf(IllegalTicketTransition.class);
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"RESOLVED", "RETURNED", "TRANSFERRED"})
    void refusesEveryActionOnAClosedTicket(TicketStatus status) {
        assertThat(status.isOpen()).isFalse();
        assertThat(status.allowedActions(true)).isEmpty();
        for (TicketAction action : TicketAction.values()) {
            assertThatThrownBy(() -> status.after(action)).isInstanceOf(IllegalTicketTransition.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"ASSIGNED", "ACCEPTED", "IN_PROGRESS", "WAITING_ON_CUSTOMER"})
    void keepsEveryOpenTicketOpenToNotesAndTransfer(TicketStatus status) {
        assertThat(status.isOpen()).isTrue();
        assertThat(status.after(NOTES)).isEqualTo(status);
        assertThat(status.after(TRANSFER)).isEqualTo(TRANSFERRED);
    }

    @Test
    void namesActionsAsTheApiPathsDo() {
        assertThat(List.of(TicketAction.values())).extracting(TicketAction::label).containsExactly("accept", "handler",
                "notes", "first-contact", "extension", "wait", "resume", "resolve", "return", "dispatch", "transfer");
    }
}
