package closedloop.platform.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An aggregate was asked for an action its current state does not allow, e.g. resolving a ticket nobody signed for.
 * Every service's refusals extend this one type; the platform answers each with one 409 problem naming the state and
 * the actions that are allowed instead (see {@code ProblemDetailsAdvice}).
 */
public class IllegalTransition extends RuntimeException {

    private final String what;
    private final String action;
    private final String currentState;
    private final List<String> allowedActions;
    private final Map<String, Object> details = new LinkedHashMap<>();

    /**
     * @param what           the kind of aggregate, as a person says it: "ticket", "office-meeting item"
     * @param action         the refused action
     * @param currentState   the state that refused it
     * @param allowedActions what the state allows instead
     */
    public IllegalTransition(String what, String action, Enum<?> currentState, List<String> allowedActions) {
        this(what, action, currentState, allowedActions, "Cannot " + action + " a " + what + " that is " + currentState);
    }

    /** As above, with a detail that says more than "cannot … in this state". */
    public IllegalTransition(String what, String action, Enum<?> currentState, List<String> allowedActions,
                             String detail) {
        super(detail);
        this.what = what;
        this.action = action;
        this.currentState = currentState.name();
        this.allowedActions = List.copyOf(allowedActions);
    }

    /** Adds a fact the answer carries next to the state and the allowed actions. */
    protected final void detail(String name, Object value) {
        details.put(name, value);
    }

    public String what() {
        return what;
    }

    public String action() {
        return action;
    }

    public String currentState() {
        return currentState;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }

    /** Further facts the answer carries, e.g. when the next attempt is allowed. */
    public Map<String, Object> details() {
        return Map.copyOf(details);
    }
}
