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
import closedloop.platform.WaitingMarker;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A callback task (回访): after a ticket is resolved, the hotline (never the branch that resolved it) calls the
 * {@link CustomerToCall customer} before {@code dueAt} and records what they said. OPEN → COMPLETED when the agent
 * records the {@link CallbackResult result}; OPEN → SURVEY_SENT after the last failed {@link Calls call}, when the
 * {@link SmsSurvey SMS survey} goes out, then → COMPLETED by the customer's SMS reply, an agent's late call or
 * (UNREACHABLE) no reply by the survey's {@code replyBy}. UNREACHABLE is an outcome only once every call failed: from
 * SURVEY_SENT. Each transition records its event in the same document write. One reply does not complete it: SATISFIED
 * or BASICALLY_SATISFIED while a promise made to the customer is still open ({@link PromisesStillOpen}, the rule an
 * agent's outcome obeys too) sends it back to the hotline, SURVEY_SENT → OPEN, with the reply kept as its
 * {@link HeldSurveyReply}; an agent then calls the customer and records the outcome (no more calls are counted).
 *
 * <p>{@code nextActionAt} is when the hotline can next act on an open callback: at once when opened, the spacing after
 * a failed call, at once after the customer was reached (the outcome is owed); absent otherwise. The worklist's DUE
 * filter is {@code status = OPEN and nextActionAt <= now} sorted by {@code dueAt, _id}, served by the index
 * {@code status, dueAt, _id, nextActionAt} (equality, sort, range: the range is checked in the index, no in-memory
 * sort).
 *
 * <p>The survey's reply is found by {@code survey.awaitingReply} (unique sparse index), a second reply by
 * {@code survey.replyKey, survey.sentAt}; the survey pass finds unanswered surveys by {@code status, survey.replyBy}
 * and surveys whose SMS is not handed over by {@code status, survey.queuedAt}.
 *
 * <p>Each of those reads also asks for a waiting marker (docs/architecture.md §9.19), a top-level field present only
 * while the callback waits for it, under a sparse index, so that a store with only sparse one-field indexes reads the
 * waiting callbacks alone: {@value #AWAITING_HOTLINE} while OPEN (the worklist), {@value #AWAITING_SURVEY_SMS} while
 * the survey's SMS is to be handed over, {@value #AWAITING_SURVEY_REPLY} while SURVEY_SENT (a reply, or the reply
 * time to pass). Each holds since when the callback waits; the transitions below set and clear them.
 */
@Document("callbacks")
@CompoundIndex(name = "status_dueAt_id_nextActionAt", def = "{'status': 1, 'dueAt': 1, '_id': 1, 'nextActionAt': 1}")
@CompoundIndex(name = "dueAt_id", def = "{'dueAt': 1, '_id': 1}")
@CompoundIndex(name = "status_survey.replyBy", def = "{'status': 1, 'survey.replyBy': 1}")
@CompoundIndex(name = "status_survey.queuedAt", def = "{'status': 1, 'survey.queuedAt': 1}")
@CompoundIndex(name = "survey.replyKey_survey.sentAt", def = "{'survey.replyKey': 1, 'survey.sentAt': -1}")
@CompoundIndex(name = "survey.awaitingReply", def = "{'survey.awaitingReply': 1}", unique = true, sparse = true)
public class Callback extends OutboxDocument {

    /** The waiting marker of the hotline's worklist: present while the callback is OPEN. */
    public static final String AWAITING_HOTLINE = "awaitingHotline";
    /** The waiting marker of the survey pass's hand-over: present while the survey's SMS is not handed over. */
    public static final String AWAITING_SURVEY_SMS = "awaitingSurveySms";
    /** The waiting marker of the survey pass's expiry: present while the survey awaits a reply (SURVEY_SENT). */
    public static final String AWAITING_SURVEY_REPLY = "awaitingSurveyReply";
    /** Who completes an unanswered survey. */
    public static final String SYSTEM = "system";

    @Id
    private final String id;
    @Indexed
    private final String complaintId;
    private final String ticketId;
    /** The branch that resolved the ticket: for information only, it never makes the callback. */
    private final String branch;
    private final String assignee;
    private final CustomerToCall customer;
    private CallbackStatus status;
    private final Instant openedAt;
    private final Instant dueAt;
    private Calls calls;
    private Instant nextActionAt;
    /** Null until the survey goes out. */
    private SmsSurvey survey;
    /** Null until the callback is completed. */
    private CallbackResult result;
    /**
     * The customer's SMS answer that could not complete the callback (satisfied while promises were open); null unless
     * the survey's reply sent it back to the hotline. Kept after completion, for the record.
     */
    private HeldSurveyReply heldReply;
    @Indexed(sparse = true)
    private Instant awaitingHotline;
    @Indexed(sparse = true)
    private Instant awaitingSurveySms;
    @Indexed(sparse = true)
    private Instant awaitingSurveyReply;
    @Version
    private Long version;

    @PersistenceCreator
    Callback(String id, String complaintId, String ticketId, String branch, String assignee, CustomerToCall customer,
             CallbackStatus status, Instant openedAt, Instant dueAt, Calls calls, Instant nextActionAt,
             SmsSurvey survey, CallbackResult result, Long version) {
        this.id = id;
        this.complaintId = complaintId;
        this.ticketId = ticketId;
        this.branch = branch;
        this.assignee = assignee;
        this.customer = customer;
        this.status = status;
        this.openedAt = openedAt;
        this.dueAt = dueAt;
        this.calls = calls == null ? Calls.none() : calls;
        this.nextActionAt = nextActionAt;
        this.survey = survey;
        this.result = result;
        this.version = version;
    }

    /** A callback just opened: no call yet, the first one due at once. */
    private Callback(TicketResolved resolved, CustomerToCall customer, String assignee, Instant now, Duration due) {
        this(idFor(resolved.eventId()), resolved.complaintId(), resolved.ticketId(), resolved.branch(), assignee,
                customer, CallbackStatus.OPEN, now, now.plus(due), Calls.none(), now, null, null, null);
    }

    /**
     * → OPEN: the ticket was resolved, so the hotline is to call the customer back within {@code due}; records
     * {@link CallbackOpened}. The id derives from the resolution event, so the same resolution opens one callback.
     */
    public static Callback open(TicketResolved resolved, Contact contact, Instant now, Duration due, String assignee) {
        Callback callback = new Callback(resolved, CustomerToCall.of(contact), assignee, now, due);
        callback.markWaiting(now);
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
        if (status != CallbackStatus.OPEN || calls.reached() || calls.count() >= rules.maxAttempts()) {
            throw new IllegalCallbackTransition("record a call for", status, allowedActions());
        }
        if (nextActionAt != null && now.isBefore(nextActionAt)) {
            throw new AttemptTooSoon(nextActionAt);
        }
        CallbackAttempt call = calls.next(result, note, now, actor);
        calls = calls.and(call);
        record(new CallbackAttempted(EventIds.derived(id, "attempt/" + call.number()), now, complaintId, id,
                call.number(), result, note, actor));
        if (!call.failed()) {
            nextActionAt = now;
        } else if (call.number() >= rules.maxAttempts()) {
            Instant smsLeavesAt = quietHours.holdUntil(RecipientKind.CUSTOMER, MessageChannel.SMS, now).orElse(now);
            sendSurvey(now, smsLeavesAt.plus(rules.surveyReplyWithin()), replyCode);
        } else {
            nextActionAt = now.plus(rules.attemptSpacing());
        }
        markWaiting(now);
    }

    private void sendSurvey(Instant now, Instant replyBy, String replyCode) {
        status = CallbackStatus.SURVEY_SENT;
        nextActionAt = null;
        survey = SmsSurvey.sent(customer.phone(), replyCode, now, replyBy);
        record(new CallbackSurveySent(surveySentEventId(), now, complaintId, id, replyBy));
    }

    /** The id of this callback's {@link CallbackSurveySent}: also the cause of the survey SMS, sent once. */
    public UUID surveySentEventId() {
        return EventIds.derived(id, "survey-sent");
    }

    /**
     * SURVEY_SENT → SURVEY_SENT: the survey SMS is in the messenger's hands (recorded for delivery), so the survey
     * pass does not hand it over again. Records no event: nothing the other services need to know.
     *
     * @return false (nothing changes) when no survey awaits its SMS: none went out, it is handed over already, or the
     * callback is completed
     */
    public boolean surveyQueued(Instant now) {
        if (status != CallbackStatus.SURVEY_SENT || survey.isQueued()) {
            return false;
        }
        survey = survey.queued(now);
        markWaiting(now);
        return true;
    }

    /**
     * OPEN or SURVEY_SENT → COMPLETED: the hotline reached the customer and records the outcome, with the survey
     * answers if they gave them; records {@link CallbackCompleted}. UNREACHABLE only once every call failed, i.e. from
     * SURVEY_SENT.
     *
     * @throws IllegalCallbackTransition when the callback is completed already
     * @throws UnreachableTooEarly       when the outcome is UNREACHABLE before the calls are used up
     */
    public void complete(CallbackOutcome outcome, String note, SurveyAnswers answers, String actor, Instant now) {
        if (status == CallbackStatus.COMPLETED) {
            throw new IllegalCallbackTransition("record the outcome of", status);
        }
        if (outcome == CallbackOutcome.UNREACHABLE && status != CallbackStatus.SURVEY_SENT) {
            throw new UnreachableTooEarly(status, allowedActions(), calls.count(), calls.reached());
        }
        completeWith(new CallbackResult(outcome, note, answers, now, actor));
    }

    /** OPEN or SURVEY_SENT → COMPLETED without survey answers; see the other {@code complete}. */
    public void complete(CallbackOutcome outcome, String note, String actor, Instant now) {
        complete(outcome, note, null, actor, now);
    }

    /**
     * SURVEY_SENT → COMPLETED: the customer answered the survey by SMS and no promise made to them is open; records
     * {@link CallbackCompleted} with their answers.
     *
     * @throws IllegalCallbackTransition when no survey awaits a reply (e.g. the customer answered already)
     */
    public void answerSurvey(SurveyReply reply, String actor, Instant now) {
        answerSurvey(reply, actor, now, List.of());
    }

    /**
     * The customer answered the survey by SMS. SURVEY_SENT → COMPLETED with their answers (records
     * {@link CallbackCompleted}), unless they answered SATISFIED or BASICALLY_SATISFIED while promises made to them
     * are open: then SURVEY_SENT → OPEN, back on the hotline's worklist at once, the reply kept as the
     * {@link #heldReply() held reply} naming the open obligations, the survey no longer awaiting a reply; no event
     * (the complaint stays as it is) and no more calls counted: an agent calls the customer once the promises are kept
     * or waived and records the outcome.
     *
     * @param openObligations the complaint's obligations neither kept nor waived (empty: none)
     * @throws IllegalCallbackTransition when no survey awaits a reply (e.g. the customer answered already)
     */
    public void answerSurvey(SurveyReply reply, String actor, Instant now, List<String> openObligations) {
        if (status != CallbackStatus.SURVEY_SENT) {
            throw new IllegalCallbackTransition("answer the survey of", status, allowedActions());
        }
        if (PromisesStillOpen.guards(reply.outcome()) && !openObligations.isEmpty()) {
            status = CallbackStatus.OPEN;
            nextActionAt = now;
            heldReply = new HeldSurveyReply(reply.outcome(), reply.answers(), now, actor, openObligations);
            survey = survey.closed();
            markWaiting(now);
            return;
        }
        completeWith(new CallbackResult(reply.outcome(), null, reply.answers(), now, actor));
    }

    /**
     * Whether the reply is the one this callback holds, delivered again: it went back to the hotline on it and is
     * still waiting for the agent's outcome.
     */
    public boolean holds(SurveyReply reply) {
        return status == CallbackStatus.OPEN && heldReply != null && heldReply.sameAs(reply);
    }

    /**
     * SURVEY_SENT → COMPLETED as UNREACHABLE, by {@link #SYSTEM}: the customer did not answer the survey by
     * {@code replyBy}; records {@link CallbackCompleted}.
     *
     * @return false (nothing changes) when no survey awaits a reply or its reply time has not passed
     */
    public boolean expireSurvey(Instant now) {
        if (status != CallbackStatus.SURVEY_SENT || now.isBefore(survey.replyBy())) {
            return false;
        }
        completeWith(new CallbackResult(CallbackOutcome.UNREACHABLE,
                "No reply to the SMS survey by " + survey.replyBy(), null, now, SYSTEM));
        return true;
    }

    private void completeWith(CallbackResult completed) {
        status = CallbackStatus.COMPLETED;
        result = completed;
        nextActionAt = null;
        if (survey != null) {
            survey = survey.closed();
        }
        markWaiting(completed.completedAt());
        record(new CallbackCompleted(EventIds.derived(id, "completed"), completed.completedAt(), complaintId, id,
                ticketId, completed.outcome(), completed.note(), completed.completedBy(), completed.answers()));
    }

    /**
     * Keeps the waiting markers in step with the state, on a callback stored before they existed too: each holds since
     * when the callback waits for its reader, and is absent when it does not wait.
     */
    private void markWaiting(Instant now) {
        boolean surveySent = status == CallbackStatus.SURVEY_SENT;
        awaitingHotline = WaitingMarker.whileWaiting(status == CallbackStatus.OPEN, awaitingHotline, now);
        awaitingSurveySms = WaitingMarker.whileWaiting(surveySent && !survey.isQueued(), awaitingSurveySms, now);
        awaitingSurveyReply = WaitingMarker.whileWaiting(surveySent, awaitingSurveyReply, now);
    }

    /** Whether the callback is not completed after it was due. */
    public boolean overdueAt(Instant now) {
        return status != CallbackStatus.COMPLETED && dueAt.isBefore(now);
    }

    /** The earliest time the next call may be recorded; null when no more calls are allowed. */
    public Instant nextAttemptAt() {
        return status == CallbackStatus.OPEN && !calls.reached() && heldReply == null ? nextActionAt : null;
    }

    /**
     * The actions the callback allows as it is now: only the outcome once a call reached the customer, or once the
     * survey's reply sent it back to the hotline (the calls are used up).
     */
    public List<String> allowedActions() {
        if (status == CallbackStatus.OPEN && (calls.reached() || heldReply != null)) {
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

    /** Whom the hotline calls. */
    public CustomerToCall customer() {
        return customer;
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

    /** The calls made so far. */
    public Calls calls() {
        return calls;
    }

    public Instant nextActionAt() {
        return nextActionAt;
    }

    /** The SMS survey; null until it went out, after the last failed call. */
    public SmsSurvey survey() {
        return survey;
    }

    /** What the callback came to; null until it is completed. */
    public CallbackResult result() {
        return result;
    }

    /**
     * The customer's SMS answer that sent the callback back to the hotline because promises were open; null when
     * none did.
     */
    public HeldSurveyReply heldReply() {
        return heldReply;
    }

    /** Since when the callback waits for the hotline (OPEN); null when it does not. */
    public Instant awaitingHotline() {
        return awaitingHotline;
    }

    /** Since when the survey's SMS waits to be handed to the messenger; null when it does not. */
    public Instant awaitingSurveySms() {
        return awaitingSurveySms;
    }

    /** Since when the survey awaits a reply (SURVEY_SENT); null when it does not. */
    public Instant awaitingSurveyReply() {
        return awaitingSurveyReply;
    }

    /** The version of the stored document this callback was read from; null before it is first stored. */
    Long version() {
        return version;
    }
}
