package closedloop.notification.callback;

import closedloop.contracts.CallbackAttemptResult;
import closedloop.contracts.CallbackAttempted;
import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOpened;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.CallbackSurveySent;
import closedloop.contracts.EventIds;
import closedloop.contracts.SurveyAnswers;
import closedloop.contracts.TicketResolved;
import closedloop.notification.contact.Contact;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.QuietHours;
import closedloop.notification.message.RecipientKind;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A callback task (回访): after a ticket is resolved, the hotline (never the branch that resolved it) calls the
 * customer before {@code dueAt} and records what they said. OPEN → COMPLETED when the agent records the outcome;
 * OPEN → SURVEY_SENT after the last failed call, then → COMPLETED by the customer's SMS reply, an agent's late call or
 * (UNREACHABLE) no reply by {@code replyBy}. UNREACHABLE is an outcome only once every call failed: from SURVEY_SENT.
 * Each transition records its event in the same document write.
 *
 * <p>{@code nextActionAt} is when the hotline can next act on an open callback: at once when opened, the spacing after
 * a failed call, at once after the customer was reached (the outcome is owed); absent otherwise. The worklist's DUE
 * filter is {@code status = OPEN and nextActionAt <= now} sorted by {@code dueAt, _id}, served by the index
 * {@code status, dueAt, _id, nextActionAt} (equality, sort, range: the range is checked in the index, no in-memory
 * sort).
 *
 * <p>A survey reply is matched on the reply code and the phone it comes from, so a code need only be unique per phone:
 * {@code awaitingReply} ({@code <normalized phone>#<code>}) is set while the survey awaits a reply and carries a
 * unique sparse index; {@code replyKey} (the same value) stays after completion, to recognise a second reply (index
 * {@code replyKey, surveySentAt}).
 */
@Document("callbacks")
@CompoundIndex(name = "status_dueAt_id_nextActionAt", def = "{'status': 1, 'dueAt': 1, '_id': 1, 'nextActionAt': 1}")
@CompoundIndex(name = "dueAt_id", def = "{'dueAt': 1, '_id': 1}")
@CompoundIndex(name = "status_replyBy", def = "{'status': 1, 'replyBy': 1}")
@CompoundIndex(name = "status_surveyQueuedAt", def = "{'status': 1, 'surveyQueuedAt': 1}")
@CompoundIndex(name = "replyKey_surveySentAt", def = "{'replyKey': 1, 'surveySentAt': -1}")
public class Callback extends OutboxDocument {

    /** Who completes an unanswered survey. */
    public static final String SYSTEM = "system";

    @Id
    private final String id;
    @Indexed
    private final String complaintId;
    private final String complaintNumber;
    private final String customerName;
    private final String customerPhone;
    private final String ticketId;
    /** The branch that resolved the ticket: for information only, it never makes the callback. */
    private final String branch;
    private final String assignee;
    private CallbackStatus status;
    private final Instant openedAt;
    private final Instant dueAt;
    private final List<CallbackAttempt> attempts;
    private boolean reached;
    private Instant nextActionAt;
    /** The survey's reply code, as the customer got it. */
    private String replyCode;
    /**
     * {@code <normalized phone>#<replyCode>} once the survey is out; kept after completion to recognise a second
     * reply.
     */
    private String replyKey;
    /** The {@link #replyKey} while the survey awaits a reply; unique among those, absent otherwise. */
    @Indexed(unique = true, sparse = true)
    private String awaitingReply;
    private Instant surveySentAt;
    private Instant replyBy;
    private Instant surveyQueuedAt;
    private CallbackOutcome outcome;
    private String note;
    private SurveyAnswers survey;
    private Instant completedAt;
    private String completedBy;
    @Version
    private Long version;

    @PersistenceCreator
    Callback(String id, String complaintId, String complaintNumber, String customerName, String customerPhone,
             String ticketId, String branch, String assignee, CallbackStatus status, Instant openedAt, Instant dueAt,
             List<CallbackAttempt> attempts, Boolean reached, Instant nextActionAt, String replyCode,
             String replyKey, String awaitingReply, Instant surveySentAt, Instant replyBy, Instant surveyQueuedAt,
             CallbackOutcome outcome, String note, SurveyAnswers survey, Instant completedAt, String completedBy,
             Long version) {
        this.id = id;
        this.complaintId = complaintId;
        this.complaintNumber = complaintNumber;
        this.customerName = customerName;
        this.customerPhone = customerPhone;
        this.ticketId = ticketId;
        this.branch = branch;
        this.assignee = assignee;
        this.status = status;
        this.openedAt = openedAt;
        this.dueAt = dueAt;
        this.attempts = attempts == null ? new ArrayList<>() : new ArrayList<>(attempts);
        this.reached = Boolean.TRUE.equals(reached);
        this.nextActionAt = nextActionAt;
        this.replyCode = replyCode;
        this.replyKey = replyKey;
        this.awaitingReply = awaitingReply;
        this.surveySentAt = surveySentAt;
        this.replyBy = replyBy;
        this.surveyQueuedAt = surveyQueuedAt;
        this.outcome = outcome;
        this.note = note;
        this.survey = survey;
        this.completedAt = completedAt;
        this.completedBy = completedBy;
        this.version = version;
    }

    /**
     * → OPEN: the ticket was resolved, so the hotline is to call the customer back within {@code due}; records
     * {@link CallbackOpened}. The id derives from the resolution event, so the same resolution opens one callback.
     */
    public static Callback open(TicketResolved resolved, Contact contact, Instant now, Duration due, String assignee) {
        Callback callback = new Callback(idFor(resolved.eventId()), resolved.complaintId(), contact.number(),
                contact.name(), contact.phone(), resolved.ticketId(), resolved.branch(), assignee,
                CallbackStatus.OPEN, now, now.plus(due), List.of(), false, now, null, null, null, null, null, null,
                null, null, null, null, null, null);
        callback.record(new CallbackOpened(EventIds.derived(resolved.eventId(), "callback-opened"), now,
                callback.complaintId, callback.id, callback.ticketId, callback.branch, callback.dueAt));
        return callback;
    }

    /** The id of the callback the resolution event opens. */
    public static String idFor(UUID resolvedEventId) {
        return EventIds.derived(resolvedEventId, "callback").toString();
    }

    /**
     * OPEN → OPEN or SURVEY_SENT: the hotline called the customer; records {@link CallbackAttempted}. REACHED leaves
     * the callback open for its outcome (no more calls). A failed call (NO_ANSWER, BUSY, WRONG_NUMBER alike: a wrong
     * number is often a misdial or a shared line, and giving up at once would only text the survey to that same
     * number) allows the next call {@code attemptSpacing} later; the last allowed failed call instead sends the
     * survey: → SURVEY_SENT with {@code replyCode}, recording {@link CallbackSurveySent} due for a reply within
     * {@code surveyReplyWithin} of when the SMS leaves: at once, or when the quiet hours end if the call is in them
     * (the messenger holds a customer SMS until then).
     *
     * @throws IllegalCallbackTransition when the callback is not open, or the customer was reached already
     * @throws AttemptTooSoon            when the previous call was less than the spacing ago
     */
    public void attempt(CallbackAttemptResult result, String note, String actor, Instant now,
                        CallbackProperties rules, String replyCode, QuietHours quietHours) {
        if (status != CallbackStatus.OPEN || reached || attempts.size() >= rules.maxAttempts()) {
            throw new IllegalCallbackTransition("record a call for", status, allowedActions());
        }
        if (nextActionAt != null && now.isBefore(nextActionAt)) {
            throw new AttemptTooSoon(nextActionAt);
        }
        CallbackAttempt attempt = new CallbackAttempt(attempts.size() + 1, result, note, now, actor);
        attempts.add(attempt);
        record(new CallbackAttempted(EventIds.derived(id, "attempt/" + attempt.number()), now, complaintId, id,
                attempt.number(), result, note, actor));
        if (!attempt.failed()) {
            reached = true;
            nextActionAt = now;
        } else if (attempt.number() >= rules.maxAttempts()) {
            Instant smsLeavesAt = quietHours.holdUntil(RecipientKind.CUSTOMER, MessageChannel.SMS, now).orElse(now);
            sendSurvey(now, smsLeavesAt.plus(rules.surveyReplyWithin()), replyCode);
        } else {
            nextActionAt = now.plus(rules.attemptSpacing());
        }
    }

    private void sendSurvey(Instant now, Instant replyTime, String code) {
        status = CallbackStatus.SURVEY_SENT;
        nextActionAt = null;
        replyCode = code;
        replyKey = replyKey(customerPhone, code);
        awaitingReply = replyKey;
        surveySentAt = now;
        replyBy = replyTime;
        record(new CallbackSurveySent(surveySentEventId(), now, complaintId, id, replyBy));
    }

    /**
     * What a survey reply with this code from this phone is matched on: {@code <normalized phone>#<code>}; null when
     * the phone has no digits, which no reply can match.
     */
    public static String replyKey(String phone, String replyCode) {
        String normalized = PhoneNumbers.normalized(phone);
        return normalized.isEmpty() ? null : normalized + "#" + replyCode;
    }

    /** The id of this callback's {@link CallbackSurveySent}: also the cause of the survey SMS, sent once. */
    public UUID surveySentEventId() {
        return EventIds.derived(id, "survey-sent");
    }

    /**
     * OPEN or SURVEY_SENT → COMPLETED: the hotline reached the customer and records the outcome, with the survey
     * answers if they gave them; records {@link CallbackCompleted}. UNREACHABLE only once every call failed, i.e. from
     * SURVEY_SENT.
     *
     * @throws IllegalCallbackTransition when the callback is completed already
     * @throws UnreachableTooEarly       when the outcome is UNREACHABLE before the calls are used up
     */
    public void complete(CallbackOutcome outcome, String note, SurveyAnswers survey, String actor, Instant now) {
        if (status == CallbackStatus.COMPLETED) {
            throw new IllegalCallbackTransition("record the outcome of", status);
        }
        if (outcome == CallbackOutcome.UNREACHABLE && status != CallbackStatus.SURVEY_SENT) {
            throw new UnreachableTooEarly(status, allowedActions(), attempts.size(), reached);
        }
        completeWith(outcome, note, survey, actor, now);
    }

    /** OPEN or SURVEY_SENT → COMPLETED without survey answers; see the other {@code complete}. */
    public void complete(CallbackOutcome outcome, String note, String actor, Instant now) {
        complete(outcome, note, null, actor, now);
    }

    /**
     * SURVEY_SENT → COMPLETED: the customer answered the survey by SMS; records {@link CallbackCompleted} with their
     * answers.
     *
     * @throws IllegalCallbackTransition when no survey awaits a reply (e.g. the customer answered already)
     */
    public void answerSurvey(SurveyReply reply, String actor, Instant now) {
        if (status != CallbackStatus.SURVEY_SENT) {
            throw new IllegalCallbackTransition("answer the survey of", status);
        }
        completeWith(reply.outcome(), null, reply.answers(), actor, now);
    }

    /**
     * SURVEY_SENT → COMPLETED as UNREACHABLE, by {@link #SYSTEM}: the customer did not answer the survey by
     * {@code replyBy}; records {@link CallbackCompleted}.
     *
     * @return false (nothing changes) when no survey awaits a reply or its reply time has not passed
     */
    public boolean expireSurvey(Instant now) {
        if (status != CallbackStatus.SURVEY_SENT || now.isBefore(replyBy)) {
            return false;
        }
        completeWith(CallbackOutcome.UNREACHABLE, "No reply to the SMS survey by " + replyBy, null, SYSTEM, now);
        return true;
    }

    private void completeWith(CallbackOutcome outcome, String note, SurveyAnswers survey, String actor, Instant now) {
        this.status = CallbackStatus.COMPLETED;
        this.outcome = outcome;
        this.note = note;
        this.survey = survey;
        this.completedAt = now;
        this.completedBy = actor;
        this.nextActionAt = null;
        this.awaitingReply = null;
        record(new CallbackCompleted(EventIds.derived(id, "completed"), now, complaintId, id, ticketId, outcome, note,
                actor, survey));
    }

    /** Whether the callback is not completed after it was due. */
    public boolean overdueAt(Instant now) {
        return status != CallbackStatus.COMPLETED && dueAt.isBefore(now);
    }

    /** The earliest time the next call may be recorded; null when no more calls are allowed. */
    public Instant nextAttemptAt() {
        return status == CallbackStatus.OPEN && !reached ? nextActionAt : null;
    }

    /** The actions the callback allows as it is now. */
    public List<String> allowedActions() {
        if (status == CallbackStatus.OPEN && reached) {
            return List.of(CallbackStatus.RECORD_OUTCOME);
        }
        return status.allowedActions();
    }

    public String id() {
        return id;
    }

    public String complaintId() {
        return complaintId;
    }

    public String complaintNumber() {
        return complaintNumber;
    }

    public String customerName() {
        return customerName;
    }

    public String customerPhone() {
        return customerPhone;
    }

    public String ticketId() {
        return ticketId;
    }

    /** The branch that resolved the ticket (information only). */
    public String branch() {
        return branch;
    }

    /** The team that makes the callback. */
    public String assignee() {
        return assignee;
    }

    public CallbackStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    /** The calls made, oldest first. */
    public List<CallbackAttempt> attempts() {
        return Collections.unmodifiableList(attempts);
    }

    /** Whether a call reached the customer. */
    public boolean reached() {
        return reached;
    }

    public Instant nextActionAt() {
        return nextActionAt;
    }

    public String replyCode() {
        return replyCode;
    }

    /** {@code <normalized phone>#<replyCode>} once the survey is out; see {@link #replyKey(String, String)}. */
    public String replyKey() {
        return replyKey;
    }

    /** The {@link #replyKey()} while the survey awaits a reply, else null. */
    public String awaitingReply() {
        return awaitingReply;
    }

    public Instant surveySentAt() {
        return surveySentAt;
    }

    public Instant replyBy() {
        return replyBy;
    }

    public Instant surveyQueuedAt() {
        return surveyQueuedAt;
    }

    public CallbackOutcome outcome() {
        return outcome;
    }

    public String note() {
        return note;
    }

    public SurveyAnswers survey() {
        return survey;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public String completedBy() {
        return completedBy;
    }
}
