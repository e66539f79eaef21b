package closedloop.contracts;

/** Why a ticket climbed a rung of the escalation ladder (docs/architecture.md §5). */
public enum EscalationReason {
    /** Level 1: a time limit passed. */
    LIMIT_PASSED,
    /** Level 2: still unresolved a further 100 % of the resolve limit past its breach. */
    LONG_PAST_LIMIT,
    /** Level 2: a MAJOR complaint passed a time limit. */
    MAJOR_BREACHED,
    /** Level 2: the complaint was reopened twice (发回重办 ≥ 2). */
    REOPENED_TWICE,
    /** Level 2: returned or re-routed 3 times with nobody signing for it. */
    UNCLAIMED
}
