package closedloop.escalation.problem;

import closedloop.contracts.Category;
import closedloop.contracts.ComplaintLinkedToProblem;
import closedloop.contracts.CorrectiveActionDone;
import closedloop.contracts.CorrectiveActionOverdue;
import closedloop.contracts.CorrectiveActionPlanned;
import closedloop.contracts.CorrectiveActionWarned;
import closedloop.contracts.EventIds;
import closedloop.contracts.ProblemOpened;
import closedloop.contracts.ProblemOrigin;
import closedloop.contracts.ProblemPutOnAgenda;
import closedloop.contracts.ProblemSolved;
import closedloop.contracts.RootCause;
import closedloop.platform.WaitingMarker;
import closedloop.platform.domain.IllegalTransition;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem (问题单): complaints that share one cause, so that one corrective plan answers them all. It is OPEN from
 * its opening (detected, or by a supervisor) until a supervisor closes it with every action done (CLOSED), and may be
 * put on the office meeting's agenda on the way. Each change is recorded with who and when and told by events from
 * the document's own outbox: the problem's own under its first complaint's key ({@link #leadComplaintId}), a link or
 * the solution to each complaint it concerns. While an action's clock runs the problem carries the waiting marker
 * {@value #AWAITING_ACTION_CHECK} (sparse index), by which the action pass finds it (docs/architecture.md §9.19).
 */
@Document(Problem.COLLECTION)
@CompoundIndex(name = "status_openedAt", def = "{'status': 1, 'openedAt': -1}")
@CompoundIndex(name = "status_nextCheckAt", def = "{'status': 1, 'nextCheckAt': 1}")
public class Problem extends OutboxDocument {

    public static final String COLLECTION = "problems";
    /** The waiting marker: present only while an action's warning or due date is still to be looked at. */
    public static final String AWAITING_ACTION_CHECK = "awaitingActionCheck";
    private static final String WHAT = "problem";

    @Id
    private String id;
    @Version
    private Long version;
    private String title;
    private Category category;
    private String district;
    private RootCause rootCause;
    private ProblemOrigin origin;
    private ProblemStatus status;
    private String leadComplaintId;
    private Instant openedAt;
    private String openedBy;
    private List<LinkedComplaint> complaints = new ArrayList<>();
    private List<CorrectiveAction> actions = new ArrayList<>();
    private AgendaPlace agenda;
    private Instant closedAt;
    private String closedBy;
    private String resolution;
    private boolean customersNotified;
    /** The soonest warning or due date of an action still to be looked at; null when none is. */
    private Instant nextCheckAt;
    @Indexed(sparse = true)
    private Instant awaitingActionCheck;

    Problem() {
    }

    /**
     * A problem opened now for these complaints (at least one; the first leads), told by {@link ProblemOpened} and a
     * {@link ComplaintLinkedToProblem} to each; {@code actor} is null when it was detected.
     */
    static Problem opened(String id, ProblemKind kind, String title, List<Sighting> complaints, String actor,
                          Instant at) {
        if (complaints.isEmpty()) {
            throw new IllegalArgumentException("A problem links at least one complaint");
        }
        Problem problem = new Problem();
        problem.id = id;
        problem.title = title;
        problem.category = kind.category();
        problem.district = kind.district();
        problem.rootCause = kind.rootCause();
        problem.origin = actor == null ? ProblemOrigin.DETECTED : ProblemOrigin.MANUAL;
        problem.status = ProblemStatus.OPEN;
        problem.leadComplaintId = complaints.get(0).complaintId();
        problem.openedAt = at;
        problem.openedBy = actor;
        problem.record(new ProblemOpened(EventIds.derived(id, "opened"), at, problem.leadComplaintId, id, title,
                problem.category, problem.district, problem.rootCause, problem.origin,
                complaints.stream().map(Sighting::complaintId).toList(), actor));
        complaints.forEach(complaint -> problem.link(complaint, actor, at));
        return problem;
    }

    /**
     * Links a complaint, told by {@link ComplaintLinkedToProblem}; {@code actor} is null when it was linked because
     * it matched.
     *
     * @return false when it was linked already (nothing changes)
     * @throws IllegalTransition when the problem is CLOSED
     */
    public boolean link(Sighting complaint, String actor, Instant at) {
        requireOpen("link a complaint to");
        if (isLinked(complaint.complaintId())) {
            return false;
        }
        complaints.add(new LinkedComplaint(complaint.complaintId(), complaint.number(), complaint.registeredAt(), at, actor));
        record(new ComplaintLinkedToProblem(EventIds.derived(id, "linked/" + complaint.complaintId()), at,
                complaint.complaintId(), id, title, actor));
        return true;
    }

    public boolean isLinked(String complaintId) {
        return complaints.stream().anyMatch(linked -> linked.complaintId().equals(complaintId));
    }

    /**
     * Adds a corrective action, warned at {@code warnAt} and overdue at {@code dueAt}, told by
     * {@link CorrectiveActionPlanned}.
     *
     * @throws IllegalTransition when the problem is CLOSED
     */
    public CorrectiveAction plan(String what, String owner, Instant dueAt, Instant warnAt, String actor, Instant at) {
        requireOpen("plan an action for");
        CorrectiveAction action = new CorrectiveAction(id + "-A" + (actions.size() + 1), what, owner, dueAt, warnAt,
                at, actor);
        actions.add(action);
        record(new CorrectiveActionPlanned(EventIds.derived(id, "action/" + action.id() + "/planned"), at,
                leadComplaintId, id, action.id(), what, owner, dueAt, actor));
        watchClocks(at);
        return action;
    }

    /** The action with this id, if the problem has it. */
    public Optional<CorrectiveAction> action(String actionId) {
        return actions.stream().filter(action -> action.id().equals(actionId)).findFirst();
    }

    /**
     * Records an action done, told by {@link CorrectiveActionDone}.
     *
     * @throws IllegalTransition when the problem is CLOSED or the action done already
     */
    public void done(CorrectiveAction action, String note, String actor, Instant at) {
        requireOpen("record an action of");
        if (!action.status().pending()) {
            throw new IllegalTransition("corrective action", "record done", action.status(), List.of());
        }
        action.done(note, actor, at);
        record(new CorrectiveActionDone(EventIds.derived(id, "action/" + action.id() + "/done"), at, leadComplaintId,
                id, action.id(), action.what(), action.owner(), note, actor));
        watchClocks(at);
    }

    /**
     * Looks at the actions' clocks at {@code now}: an action past its warning is WARNED ({@link CorrectiveActionWarned}),
     * past its due date OVERDUE ({@link CorrectiveActionOverdue}; one that passed both since the last look is told
     * overdue only, as the SLA engine does), and an overdue action puts the problem on the agenda.
     *
     * @return whether anything changed
     */
    public boolean lookAtClocks(Instant now) {
        if (status != ProblemStatus.OPEN) {
            return false;
        }
        boolean changed = false;
        for (CorrectiveAction action : actions) {
            Instant due = action.nextCheck();
            if (due == null || due.isAfter(now)) {
                continue;
            }
            changed = true;
            if (action.dueAt().isAfter(now)) {
                action.warned();
                record(new CorrectiveActionWarned(EventIds.derived(id, "action/" + action.id() + "/warned"), now,
                        leadComplaintId, id, action.id(), action.what(), action.owner(), action.dueAt()));
            } else {
                action.overdue();
                record(new CorrectiveActionOverdue(EventIds.derived(id, "action/" + action.id() + "/overdue"), now,
                        leadComplaintId, id, action.id(), action.what(), action.owner(), action.dueAt()));
                putOnAgenda("Corrective action " + action.id() + " is overdue: " + action.what(), null, now);
            }
        }
        watchClocks(now);
        return changed;
    }

    /**
     * Puts the problem on the office meeting's agenda, told by {@link ProblemPutOnAgenda}; {@code actor} is null when
     * an overdue action puts it there.
     *
     * @return false when it is on the agenda already (nothing changes)
     * @throws IllegalTransition when the problem is CLOSED
     */
    public boolean putOnAgenda(String reason, String actor, Instant at) {
        requireOpen("put on the agenda");
        if (agenda != null) {
            return false;
        }
        agenda = new AgendaPlace(at, reason, actor);
        record(new ProblemPutOnAgenda(EventIds.derived(id, "agenda"), at, leadComplaintId, id, title, reason, actor));
        return true;
    }

    /**
     * OPEN → CLOSED with every action done: told to each linked complaint by {@link ProblemSolved}, whose customers
     * are to be told by SMS when {@code notifyCustomers}.
     *
     * @throws IllegalTransition when it is CLOSED already or an action is still to be done
     */
    public void close(String resolution, boolean notifyCustomers, String actor, Instant at) {
        requireOpen("close");
        List<String> pending = actions.stream().filter(action -> action.status().pending())
                .map(CorrectiveAction::id).toList();
        if (!pending.isEmpty()) {
            throw new ActionsStillPending(pending);
        }
        status = ProblemStatus.CLOSED;
        closedAt = at;
        closedBy = actor;
        this.resolution = resolution;
        customersNotified = notifyCustomers;
        complaints.forEach(complaint -> record(new ProblemSolved(
                EventIds.derived(id, "solved/" + complaint.complaintId()), at, complaint.complaintId(), id, title,
                resolution, notifyCustomers, actor)));
        watchClocks(at);
    }

    private void requireOpen(String action) {
        if (status != ProblemStatus.OPEN) {
            throw new IllegalTransition(WHAT, action, status, List.of());
        }
    }

    /** Sets when the clocks are next to be looked at, and the waiting marker with it. */
    private void watchClocks(Instant now) {
        nextCheckAt = status != ProblemStatus.OPEN ? null : actions.stream().map(CorrectiveAction::nextCheck)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        awaitingActionCheck = WaitingMarker.whileWaiting(nextCheckAt != null, awaitingActionCheck, now);
    }

    /** A close refused while actions are still to be done, naming them. */
    public static final class ActionsStillPending extends IllegalTransition {

        ActionsStillPending(List<String> actionIds) {
            super(WHAT, "close", ProblemStatus.OPEN, List.of("record its actions done"),
                    "Cannot close a problem while corrective actions are still to be done: "
                            + String.join(", ", actionIds));
            detail("pendingActions", actionIds);
        }
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Category category() {
        return category;
    }

    public String district() {
        return district;
    }

    public RootCause rootCause() {
        return rootCause;
    }

    public ProblemOrigin origin() {
        return origin;
    }

    public ProblemStatus status() {
        return status;
    }

    public String leadComplaintId() {
        return leadComplaintId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String openedBy() {
        return openedBy;
    }

    public List<LinkedComplaint> complaints() {
        return List.copyOf(complaints);
    }

    public List<CorrectiveAction> actions() {
        return List.copyOf(actions);
    }

    public AgendaPlace agenda() {
        return agenda;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public String resolution() {
        return resolution;
    }

    public boolean customersNotified() {
        return customersNotified;
    }

    public Instant nextCheckAt() {
        return nextCheckAt;
    }
}
