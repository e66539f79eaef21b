package closedloop.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static closedloop.contracts.Golden.AT;
import static closedloop.contracts.Golden.CALLBACK_ID;
import static closedloop.contracts.Golden.COMPLAINT_ID;
import static closedloop.contracts.Golden.PROBLEM_ID;
import static closedloop.contracts.Golden.TICKET_ID;
import static closedloop.contracts.Golden.idOf;

/** The canonical example of each event type, from which the golden files were written. */
final class GoldenSamples {

    private GoldenSamples() {
    }

    static ClosedLoopEvent of(EventType type) {
        return switch (type) {
            case COMPLAINT_REGISTERED -> new ComplaintRegistered(idOf(type), AT, COMPLAINT_ID, "TS-20261122-000123",
                    Channel.HOTLINE, Category.BILLING, Priority.URGENT,
                    new Customer("Wang Fang", "13800138000", "0531-2088-7731", false),
                    "Lixia", "Charged twice for the November data package", "agent-017", "12 Jingshi Road",
                    "repeat of TS-20261105-000042", true, List.of("1c9a7e55-0d3b-4f62-9a1e-8b7c6d5e4f30"),
                    List.of(new Promise("Refund twice the overcharge", Instant.parse("2026-12-01T10:00:00Z"),
                            PromiseKind.DOUBLE_REFUND, new java.math.BigDecimal("30.5"))));
            case COMPLAINT_CLOSED -> new ComplaintClosed(idOf(type), AT, COMPLAINT_ID, CallbackOutcome.SATISFIED, "agent-017");
            case COMPLAINT_REOPENED -> new ComplaintReopened(idOf(type), AT, COMPLAINT_ID, 1, Priority.URGENT, "agent-017");
            case TICKET_ASSIGNED -> new TicketAssigned(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    Category.BILLING, Priority.NORMAL, null, AssignmentReason.ROUTED, Channel.HOTLINE,
                    AT.minusSeconds(2));
            case TICKET_ACCEPTED -> new TicketAccepted(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01", "li.ming");
            case TICKET_RESOLVED -> new TicketResolved(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    "Refunded the double charge", "li.ming", RootCause.BILLING_SYSTEM, "Billing centre");
            case TICKET_RETURNED -> new TicketReturned(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    ReturnReason.NOT_OUR_AREA, "The address is in Licheng", 1, "li.ming");
            case TICKET_TRANSFERRED -> new TicketTransferred(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "MANUAL",
                    "LICHENG-01", 1, "desk.zhao");
            case HANDLER_ASSIGNED -> new HandlerAssigned(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    "chen.gang", "li.ming");
            case TICKET_NOTE_ADDED -> new TicketNoteAdded(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    "Billing centre confirmed the double charge", "chen.gang");
            case FIRST_CONTACT_RECORDED -> new FirstContactRecorded(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    AT.minusSeconds(600), ContactMethod.PHONE, "Customer confirmed the charge of 2026-11-03", "chen.gang");
            case EXTENSION_REQUESTED -> new ExtensionRequested(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    "Refund needs the provincial billing centre", AT.plus(Duration.ofDays(2)), "li.ming");
            case TICKET_WAITING_ON_CUSTOMER -> new TicketWaitingOnCustomer(idOf(type), AT, COMPLAINT_ID, TICKET_ID,
                    "LIXIA-01", "Customer travels until Friday", "chen.gang");
            case TICKET_RESUMED -> new TicketResumed(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01", "chen.gang");
            case TICKET_UNCLAIMED -> new TicketUnclaimed(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "MANUAL", 3);
            case CLOCK_STARTED -> new ClockStarted(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    ClockKind.RESOLVE, AT.plus(Duration.ofHours(24)), 1, Duration.ofHours(24), TimeBasis.CALENDAR);
            case TICKET_ESCALATED -> new TicketEscalated(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01", 1,
                    ClockKind.RESOLVE, AT.minusSeconds(1), EscalationReason.LIMIT_PASSED);
            case TICKET_WARNED -> new TicketWarned(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    ClockKind.SIGN_FOR, AT.plus(Duration.ofMinutes(30)));
            case CLOCKS_PAUSED -> new ClocksPaused(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    "Customer travels until Friday");
            case CLOCKS_RESUMED -> new ClocksResumed(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    Duration.ofHours(50), AT.plus(Duration.ofHours(20)));
            case DEADLINE_MOVED -> new DeadlineMoved(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    ClockKind.RESOLVE, AT.plus(Duration.ofHours(20)), AT.plus(Duration.ofHours(44)), "CN-2027-v1");
            case OBLIGATION_FULFILLED -> new ObligationFulfilled(idOf(type), AT, COMPLAINT_ID, COMPLAINT_ID + "-1",
                    PromiseKind.DOUBLE_REFUND, "LIXIA-01", "RF-20261122-0042", "61.00 yuan back to the account",
                    "li.ming", AT.plus(Duration.ofHours(20)));
            case OBLIGATION_WAIVED -> new ObligationWaived(idOf(type), AT, COMPLAINT_ID, COMPLAINT_ID + "-1",
                    PromiseKind.VISIT, "The customer declined the visit", "sup.wang");
            case OBLIGATION_WARNED -> new ObligationWarned(idOf(type), AT, COMPLAINT_ID, COMPLAINT_ID + "-1",
                    PromiseKind.DOUBLE_REFUND, "LIXIA-01", AT.plus(Duration.ofHours(6)));
            case OBLIGATION_BREACHED -> new ObligationBreached(idOf(type), AT, COMPLAINT_ID, COMPLAINT_ID + "-1",
                    PromiseKind.DOUBLE_REFUND, "LIXIA-01", AT.minusSeconds(60));
            case PROBLEM_OPENED -> new ProblemOpened(idOf(type), AT, COMPLAINT_ID, PROBLEM_ID,
                    "Charged twice for the November data package in Lixia", Category.BILLING, "Lixia", null,
                    ProblemOrigin.MANUAL, List.of(COMPLAINT_ID, "1c9a7e55-0d3b-4f62-9a1e-8b7c6d5e4f30",
                    "2d8b6f44-1e2a-4b73-8c0f-7a6b5c4d3e21", "3e7a5d33-2f19-4c84-9b1e-69a5b4c3d212",
                    "4f69c422-3e08-4d95-8a2d-58b4a3b2c103"), "sup.liu");
            case COMPLAINT_LINKED_TO_PROBLEM -> new ComplaintLinkedToProblem(idOf(type), AT, COMPLAINT_ID, PROBLEM_ID,
                    "Charged twice for the November data package in Lixia", "sup.liu");
            case CORRECTIVE_ACTION_PLANNED -> new CorrectiveActionPlanned(idOf(type), AT, COMPLAINT_ID, PROBLEM_ID,
                    PROBLEM_ID + "-A1", "Correct the rating rule of the November package", "BILLING-CENTRE",
                    AT.plus(Duration.ofDays(3)), "sup.liu");
            case CORRECTIVE_ACTION_DONE -> new CorrectiveActionDone(idOf(type), AT, COMPLAINT_ID, PROBLEM_ID,
                    PROBLEM_ID + "-A1", "Correct the rating rule of the November package", "BILLING-CENTRE",
                    "Rule 4711 corrected and re-rated", "li.ming");
            case CORRECTIVE_ACTION_WARNED -> new CorrectiveActionWarned(idOf(type), AT, COMPLAINT_ID, PROBLEM_ID,
                    PROBLEM_ID + "-A1", "Correct the rating rule of the November package", "BILLING-CENTRE",
                    AT.plus(Duration.ofHours(6)));
            case CORRECTIVE_ACTION_OVERDUE -> new CorrectiveActionOverdue(idOf(type), AT, COMPLAINT_ID, PROBLEM_ID,
                    PROBLEM_ID + "-A1", "Correct the rating rule of the November package", "BILLING-CENTRE",
                    AT.minusSeconds(60));
            case PROBLEM_PUT_ON_AGENDA -> new ProblemPutOnAgenda(idOf(type), AT, COMPLAINT_ID, PROBLEM_ID,
                    "Charged twice for the November data package in Lixia", "Needs the billing centre's budget",
                    "sup.liu");
            case PROBLEM_SOLVED -> new ProblemSolved(idOf(type), AT, COMPLAINT_ID, PROBLEM_ID,
                    "Charged twice for the November data package in Lixia",
                    "The rating rule is corrected and every double charge refunded", true, "sup.liu");
            case EXTENSION_APPROVED -> new ExtensionApproved(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    idOf(EventType.EXTENSION_REQUESTED).toString(), AT.plus(Duration.ofHours(4)),
                    AT.plus(Duration.ofDays(2)), "sup.liu");
            case EXTENSION_REFUSED -> new ExtensionRefused(idOf(type), AT, COMPLAINT_ID, TICKET_ID, "LIXIA-01",
                    idOf(EventType.EXTENSION_REQUESTED).toString(), "The refund can be made locally", "sup.liu");
            case OFFICE_MEETING_DECIDED -> new OfficeMeetingDecided(idOf(type), AT, COMPLAINT_ID, TICKET_ID,
                    idOf(EventType.TICKET_ESCALATED).toString(), "deputy.gm.sun", AT.plus(Duration.ofDays(3)),
                    "Billing centre to refund and audit the rating rule", "sup.liu");
            case OFFICE_MEETING_DECISION_OVERDUE -> new OfficeMeetingDecisionOverdue(idOf(type), AT, COMPLAINT_ID,
                    TICKET_ID, idOf(EventType.TICKET_ESCALATED).toString(), "deputy.gm.sun", AT.minusSeconds(60));
            case MESSAGE_SENT -> new MessageSent(idOf(type), AT, COMPLAINT_ID, "6a1f3e2d-4c5b-4a69-8d7e-1f2a3b4c5d6e",
                    "13800138000", "SMS", "REGISTRATION_ACK");
            case CALLBACK_OPENED -> new CallbackOpened(idOf(type), AT, COMPLAINT_ID, CALLBACK_ID, TICKET_ID, "LIXIA-01",
                    AT.plus(Duration.ofHours(24)));
            case CALLBACK_COMPLETED -> new CallbackCompleted(idOf(type), AT, COMPLAINT_ID, CALLBACK_ID, TICKET_ID,
                    CallbackOutcome.SATISFIED, "Refund received", "agent-017",
                    new SurveyAnswers(5, 4, 5, 5, "Tell me the refund date on the first call"));
            case CALLBACK_ATTEMPTED -> new CallbackAttempted(idOf(type), AT, COMPLAINT_ID, CALLBACK_ID, 1,
                    CallbackAttemptResult.NO_ANSWER, "Rang 8 times", "agent-017");
            case CALLBACK_SURVEY_SENT -> new CallbackSurveySent(idOf(type), AT, COMPLAINT_ID, CALLBACK_ID,
                    AT.plus(Duration.ofHours(48)));
            case CALLBACK_SURVEY_LOCKED -> new CallbackSurveyLocked(idOf(type), AT, COMPLAINT_ID, CALLBACK_ID, 5,
                    AT.plus(Duration.ofHours(1)), "sms:13800138000");
            case MESSAGE_FAILED -> new MessageFailed(idOf(type), AT, COMPLAINT_ID, "6a1f3e2d-4c5b-4a69-8d7e-1f2a3b4c5d6e",
                    "13800138000", "SMS", "REGISTRATION_ACK", 12, "503 Service Unavailable from the SMS gateway");
        };
    }
}
