package closedloop.escalation.sla;

/**
 * The operator's rules for the escalation ladder and extensions (docs/architecture.md §4, §5), set with the
 * {@code closedloop.escalation} settings ({@link EscalationProperties}). They are plain settings, not part of the
 * versioned time-limit policy: a warning instant is fixed when its clock starts, the others are read when an event or
 * a decision applies them.
 *
 * @param warningPercent       the share of a limit after which the branch is warned (催办); 75
 * @param reopensForLevel2     reopened (发回重办) this often, a complaint goes to the office meeting (办公会); 2
 * @param maxExtensions        approved extensions (延期) per ticket at most; 2
 * @param extensionWorkingDays working days that all extensions of a ticket may add to its resolve deadline; 10
 */
public record SlaRules(int warningPercent, int reopensForLevel2, int maxExtensions, int extensionWorkingDays) {

    /** The rules of docs/architecture.md §4 and §5, the settings' defaults. */
    public static final SlaRules DEFAULTS = new SlaRules(75, 2, 2, 10);

    public SlaRules {
        if (warningPercent < 1 || warningPercent > 99) {
            throw new IllegalArgumentException("closedloop.escalation.warning-percent must be 1 to 99, not "
                    + warningPercent);
        }
        if (reopensForLevel2 < 1) {
            throw new IllegalArgumentException("closedloop.escalation.reopens-for-level-2 must be at least 1, not "
                    + reopensForLevel2);
        }
        if (maxExtensions < 0 || extensionWorkingDays < 0) {
            throw new IllegalArgumentException("closedloop.escalation.max-extensions and extension-working-days "
                    + "must not be negative");
        }
    }
}
