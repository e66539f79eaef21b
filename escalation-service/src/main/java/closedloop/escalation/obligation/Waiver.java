package closedloop.escalation.obligation;

import java.time.Instant;

/** Why a supervisor released the branch from an obligation, who and when. */
public record Waiver(String reason, String by, Instant at) {
}
