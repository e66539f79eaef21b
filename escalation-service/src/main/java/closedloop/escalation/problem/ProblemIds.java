package closedloop.escalation.problem;

import closedloop.contracts.EventIds;

import java.util.UUID;

/** Problems' ids, {@code PB-} and twelve hex digits: derived for a detected one, so a retry opens the same problem. */
final class ProblemIds {

    private ProblemIds() {
    }

    /** The id of the problem of this kind that this complaint's sighting opened. */
    static String detected(ProblemKind kind, String complaintId) {
        return of(EventIds.derived(kind.key(), "problem/" + complaintId));
    }

    /** A fresh id, for a problem a supervisor opens. */
    static String fresh() {
        return of(UUID.randomUUID());
    }

    private static String of(UUID uuid) {
        return "PB-" + uuid.toString().replace("-", "").substring(0, 12);
    }
}
