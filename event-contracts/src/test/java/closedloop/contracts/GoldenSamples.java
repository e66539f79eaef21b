package closedloop.contracts;

import java.time.Duration;

import static closedloop.contracts.Golden.AT;
import static closedloop.contracts.Golden.CALLBACK_ID;
import static closedloop.contracts.Golden.COMPLAINT_ID;
import static closedloop.contracts.Golden.TICKET_ID;
import static closedloop.contracts.Golden.idOf;

/** The canonical example of each event type, from which the golden files were written. */
final class GoldenSamples {

    private GoldenSamples() {
    }

    static ClosedLoopEvent of(EventType type) {
        return switch (type) {
            case COMPLAINT_REGISTERED -> new ComplaintRegistered(idOf(type), AT, COMPLAINT_ID, "TS-20261122-000123",
                    Channel.HOTLINE, Category.BILLING, Priority.NORMAL, new Customer("Wang Fang", "13800138000"),
                    "Lixia", "Charged twice for the November data package", "agent-017");
            case COMPLAINT_CLOSED -> new ComplaintClosed(idOf(type), AT, COMPLAINT_ID, CallbackOutcome.SATISFIED, "agent-017");
            case COMPLAINT_REOPENED -> new ComplaintReopened(idOf(type), AT, COMPLAINT_ID, 1, Priority.URGENT, "agent-017");
            case TICKET_ASSIGNED -> new TicketAssigned(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    Category.BILLING, Priority.NORMAL, null);
            case TICKET_ACCEPTED -> new TicketAccepted(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01", "li.ming");
            case TICKET_RESOLVED -> new TicketResolved(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    "Refunded the double charge", "li.ming");
            case CLOCK_STARTED -> new ClockStarted(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    ClockKind.RESOLVE, AT.plus(Duration.ofHours(24)));
            case TICKET_ESCALATED -> new TicketEscalated(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01", 1,
                    ClockKind.RESOLVE, AT.minusSeconds(1));
            case MESSAGE_SENT -> new MessageSent(idOf(type), AT, COMPLAINT_ID, "6a1f3e2d-4c5b-4a69-8d7e-1f2a3b4c5d6e",
                    "13800138000", "SMS", "REGISTRATION_ACK");
            case CALLBACK_OPENED -> new CallbackOpened(idOf(type), AT, COMPLAINT_ID, CALLBACK_ID, TICKET_ID, "LIXIA-01",
                    AT.plus(Duration.ofHours(24)));
            case CALLBACK_COMPLETED -> new CallbackCompleted(idOf(type), AT, COMPLAINT_ID, CALLBACK_ID, TICKET_ID,
                    CallbackOutcome.SATISFIED, "Refund received", "agent-017");
        };
    }
}
