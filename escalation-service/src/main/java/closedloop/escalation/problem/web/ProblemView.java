package closedloop.escalation.problem.web;

import closedloop.contracts.Category;
import closedloop.contracts.ProblemOrigin;
import closedloop.contracts.RootCause;
import closedloop.escalation.problem.ActionStatus;
import closedloop.escalation.problem.AgendaPlace;
import closedloop.escalation.problem.CorrectiveAction;
import closedloop.escalation.problem.LinkedComplaint;
import closedloop.escalation.problem.Problem;
import closedloop.escalation.problem.ProblemStatus;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A problem as staff see it: its complaints oldest registration first (its timeline), its corrective actions with
 * their clocks, its place on the agenda and how it was closed.
 *
 * @param openedBy the supervisor who opened it; null when it was detected
 * @param agenda   why and since when it is on the office meeting's agenda; null when it is not
 */
public record ProblemView(String id, String title, Category category, String district, RootCause rootCause,
                          ProblemOrigin origin, ProblemStatus status, Instant openedAt, String openedBy,
                          List<LinkedComplaint> complaints, List<Action> actions, AgendaPlace agenda,
                          Instant closedAt, String closedBy, String resolution, boolean customersNotified) {

    static ProblemView of(Problem problem) {
        return new ProblemView(problem.id(), problem.title(), problem.category(), problem.district(),
                problem.rootCause(), problem.origin(), problem.status(), problem.openedAt(), problem.openedBy(),
                problem.complaints().stream().sorted(Comparator.comparing(LinkedComplaint::registeredAt)).toList(),
                problem.actions().stream().map(Action::of).toList(), problem.agenda(), problem.closedAt(),
                problem.closedBy(), problem.resolution(), problem.customersNotified());
    }

    /** A corrective action: warned at {@code warnAt}, overdue at {@code dueAt} while not done. */
    public record Action(String id, String what, String owner, Instant dueAt, Instant warnAt, ActionStatus status,
                         Instant plannedAt, String plannedBy, Instant doneAt, String doneBy, String note) {

        static Action of(CorrectiveAction action) {
            return new Action(action.id(), action.what(), action.owner(), action.dueAt(), action.warnAt(),
                    action.status(), action.plannedAt(), action.plannedBy(), action.doneAt(), action.doneBy(),
                    action.note());
        }
    }
}
