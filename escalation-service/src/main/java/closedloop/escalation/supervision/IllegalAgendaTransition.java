package closedloop.escalation.supervision;

import closedloop.platform.domain.IllegalTransition;

import java.util.List;

/**
 * An office-meeting item was asked to do what its status does not allow; the platform answers it with a 409 naming
 * the status.
 */
public class IllegalAgendaTransition extends IllegalTransition {

    private final AgendaStatus status;

    public IllegalAgendaTransition(String action, AgendaStatus status) {
        super("office-meeting item", action, status, List.of());
        this.status = status;
    }

    public AgendaStatus status() {
        return status;
    }
}
