package closedloop.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of events: each with its stable CloudEvents type id ({@code closedloop.<aggregate>.<event>.v<n>}),
 * the topic it travels on and the record that carries it. Only additive changes within a version.
 */
public enum EventType {

    COMPLAINT_REGISTERED("closedloop.complaint.registered.v1", Topics.INTAKE_COMPLAINT, ComplaintRegistered.class),
    COMPLAINT_CLOSED("closedloop.complaint.closed.v1", Topics.INTAKE_COMPLAINT, ComplaintClosed.class),
    COMPLAINT_REOPENED("closedloop.complaint.reopened.v1", Topics.INTAKE_COMPLAINT, ComplaintReopened.class),
    TICKET_ASSIGNED("closedloop.ticket.assigned.v1", Topics.ROUTER_TICKET, TicketAssigned.class),
    TICKET_ACCEPTED("closedloop.ticket.accepted.v1", Topics.ROUTER_TICKET, TicketAccepted.class),
    TICKET_RESOLVED("closedloop.ticket.resolved.v1", Topics.ROUTER_TICKET, TicketResolved.class),
    TICKET_RETURNED("closedloop.ticket.returned.v1", Topics.ROUTER_TICKET, TicketReturned.class),
    TICKET_TRANSFERRED("closedloop.ticket.transferred.v1", Topics.ROUTER_TICKET, TicketTransferred.class),
    HANDLER_ASSIGNED("closedloop.ticket.handler-assigned.v1", Topics.ROUTER_TICKET, HandlerAssigned.class),
    TICKET_NOTE_ADDED("closedloop.ticket.note-added.v1", Topics.ROUTER_TICKET, TicketNoteAdded.class),
    FIRST_CONTACT_RECORDED("closedloop.ticket.first-contact-recorded.v1", Topics.ROUTER_TICKET, FirstContactRecorded.class),
    EXTENSION_REQUESTED("closedloop.ticket.extension-requested.v1", Topics.ROUTER_TICKET, ExtensionRequested.class),
    TICKET_WAITING_ON_CUSTOMER("closedloop.ticket.waiting-on-customer.v1", Topics.ROUTER_TICKET, TicketWaitingOnCustomer.class),
    TICKET_RESUMED("closedloop.ticket.resumed.v1", Topics.ROUTER_TICKET, TicketResumed.class),
    TICKET_UNCLAIMED("closedloop.ticket.unclaimed.v1", Topics.ROUTER_TICKET, TicketUnclaimed.class),
    CLOCK_STARTED("closedloop.sla.clock-started.v1", Topics.ESCALATION_SLA, ClockStarted.class),
    TICKET_ESCALATED("closedloop.sla.escalated.v1", Topics.ESCALATION_SLA, TicketEscalated.class),
    TICKET_WARNED("closedloop.sla.warned.v1", Topics.ESCALATION_SLA, TicketWarned.class),
    CLOCKS_PAUSED("closedloop.sla.clocks-paused.v1", Topics.ESCALATION_SLA, ClocksPaused.class),
    CLOCKS_RESUMED("closedloop.sla.clocks-resumed.v1", Topics.ESCALATION_SLA, ClocksResumed.class),
    DEADLINE_MOVED("closedloop.sla.deadline-moved.v1", Topics.ESCALATION_SLA, DeadlineMoved.class),
    OBLIGATION_FULFILLED("closedloop.sla.obligation-fulfilled.v1", Topics.ESCALATION_SLA, ObligationFulfilled.class),
    OBLIGATION_WAIVED("closedloop.sla.obligation-waived.v1", Topics.ESCALATION_SLA, ObligationWaived.class),
    OBLIGATION_WARNED("closedloop.sla.obligation-warned.v1", Topics.ESCALATION_SLA, ObligationWarned.class),
    OBLIGATION_BREACHED("closedloop.sla.obligation-breached.v1", Topics.ESCALATION_SLA, ObligationBreached.class),
    PROBLEM_OPENED("closedloop.sla.problem-opened.v1", Topics.ESCALATION_SLA, ProblemOpened.class),
    COMPLAINT_LINKED_TO_PROBLEM("closedloop.sla.complaint-linked-to-problem.v1", Topics.ESCALATION_SLA,
            ComplaintLinkedToProblem.class),
    CORRECTIVE_ACTION_PLANNED("closedloop.sla.corrective-action-planned.v1", Topics.ESCALATION_SLA,
            CorrectiveActionPlanned.class),
    CORRECTIVE_ACTION_DONE("closedloop.sla.corrective-action-done.v1", Topics.ESCALATION_SLA,
            CorrectiveActionDone.class),
    CORRECTIVE_ACTION_WARNED("closedloop.sla.corrective-action-warned.v1", Topics.ESCALATION_SLA,
            CorrectiveActionWarned.class),
    CORRECTIVE_ACTION_OVERDUE("closedloop.sla.corrective-action-overdue.v1", Topics.ESCALATION_SLA,
            CorrectiveActionOverdue.class),
    PROBLEM_PUT_ON_AGENDA("closedloop.sla.problem-put-on-agenda.v1", Topics.ESCALATION_SLA, ProblemPutOnAgenda.class),
    PROBLEM_SOLVED("closedloop.sla.problem-solved.v1", Topics.ESCALATION_SLA, ProblemSolved.class),
    EXTENSION_APPROVED("closedloop.sla.extension-approved.v1", Topics.ESCALATION_SLA, ExtensionApproved.class),
    EXTENSION_REFUSED("closedloop.sla.extension-refused.v1", Topics.ESCALATION_SLA, ExtensionRefused.class),
    OFFICE_MEETING_DECIDED("closedloop.sla.office-meeting-decided.v1", Topics.ESCALATION_SLA,
            OfficeMeetingDecided.class),
    OFFICE_MEETING_DECISION_OVERDUE("closedloop.sla.office-meeting-decision-overdue.v1", Topics.ESCALATION_SLA,
            OfficeMeetingDecisionOverdue.class),
    MESSAGE_SENT("closedloop.contact.message-sent.v1", Topics.NOTIFICATION_CONTACT, MessageSent.class),
    CALLBACK_OPENED("closedloop.contact.callback-opened.v1", Topics.NOTIFICATION_CONTACT, CallbackOpened.class),
    CALLBACK_COMPLETED("closedloop.contact.callback-completed.v1", Topics.NOTIFICATION_CONTACT, CallbackCompleted.class),
    CALLBACK_ATTEMPTED("closedloop.contact.callback-attempted.v1", Topics.NOTIFICATION_CONTACT, CallbackAttempted.class),
    CALLBACK_SURVEY_SENT("closedloop.contact.callback-survey-sent.v1", Topics.NOTIFICATION_CONTACT,
            CallbackSurveySent.class),
    CALLBACK_SURVEY_LOCKED("closedloop.contact.callback-survey-locked.v1", Topics.NOTIFICATION_CONTACT,
            CallbackSurveyLocked.class),
    MESSAGE_FAILED("closedloop.contact.message-failed.v1", Topics.NOTIFICATION_CONTACT, MessageFailed.class);

    private final String id;
    private final String topic;
    private final Class<? extends ClosedLoopEvent> recordType;

    EventType(String id, String topic, Class<? extends ClosedLoopEvent> recordType) {
        this.id = id;
        this.topic = topic;
        this.recordType = recordType;
    }

    public String id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends ClosedLoopEvent> recordType() {
        return recordType;
    }

    public static EventType of(ClosedLoopEvent event) {
        return Arrays.stream(values())
                .filter(type -> type.recordType == event.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a catalogued event: " + event.getClass()));
    }

    /** The type with this CloudEvents type id; empty for ids this build does not know (a newer producer's). */
    public static Optional<EventType> byId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }
}
