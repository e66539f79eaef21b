package closedloop.router.routing;

import org.junit.jupiter.api.Test;

import static closedloop.router.routing.TicketAction.ACCEPT;
import static closedloop.router.routing.TicketAction.RESOLVE;
import static closedloop.router.routing.TicketStatus.ACCEPTED;
import static closedloop.router.routing.TicketStatus.ASSIGNED;
import static closedloop.router.routing.TicketStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketStateMachineUnitTests {

    @Test
    void allowsOnlySigningForAnAssignedTicket() {
        assertThat(ASSIGNED.allowedActions()).containsExactly(ACCEPT);
        assertThat(ASSIGNED.after(ACCEPT)).isEqualTo(ACCEPTED);
    }

    @Test
    void allowsOnlyResolvingAnAcceptedTicket() {
        assertThat(ACCEPTED.allowedActions()).containsExactly(RESOLVE);
        assertThat(ACCEPTED.after(RESOLVE)).isEqualTo(RESOLVED);
    }

    @Test
    void allowsNothingOnAResolvedTicket() {
        assertThat(RESOLVED.allowedActions()).isEmpty();
    }

    @Test
    void refusesToResolveATicketNobodySignedFor() {
        assertThatThrownBy(() -> ASSIGNED.after(RESOLVE))
                .isInstanceOfSatisfying(IllegalTicketTransition.class, illegal -> {
                    assertThat(illegal.currentState()).isEqualTo(ASSIGNED);
                    assertThat(illegal.action()).isEqualTo(RESOLVE);
                    assertThat(illegal.allowedActions()).containsExactly(ACCEPT);
                });
    }

    @Test
    void refusesToSignForATicketTwice() {
        assertThatThrownBy(() -> ACCEPTED.after(ACCEPT)).isInstanceOf(IllegalTicketTransition.class);
    }

    @Test
    void refusesEveryActionOnAResolvedTicket() {
        for (TicketAction action : TicketAction.values()) {
            assertThatThrownBy(() -> RESOLVED.after(action)).isInstanceOf(IllegalTicketTransition.class);
        }
    }

    @Test
    void namesActionsAsTheApiDoes() {
        assertThat(ACCEPT.label()).isEqualTo("accept");
        assertThat(RESOLVE.label()).isEqualTo("resolve");
    }
}
