package closedloop.escalation.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the firing loop runs, and the operator's rules for warnings, level 2 and extensions.
 *
 * @param scanInterval         how often the clock board is looked at for due cases (real time, not the injected
 *                             clock's); it is also nudged when a case is scheduled earlier than everything else
 * @param batchSize            how many due cases one pass takes at most (loaded in one query, saved in one bulk
 *                             write); a full batch is followed by another pass at once
 * @param concurrency          after a bulk write lost a race, how many of its cases are loaded, fired and saved again
 *                             one by one at the same time
 * @param warningPercent       the share of a limit after which the branch is warned (催办)
 * @param reopensForLevel2     reopened (发回重办) this often, a complaint goes to the office meeting (办公会)
 * @param maxExtensions        approved extensions (延期) per ticket at most
 * @param extensionWorkingDays working days that all extensions of a ticket may add to its resolve deadline
 */
@ConfigurationProperties("closedloop.escalation")
public record EscalationProperties(@DefaultValue("250ms") Duration scanInterval,
                                   @DefaultValue("1000") int batchSize,
                                   @DefaultValue("16") int concurrency,
                                   @DefaultValue("75") int warningPercent,
                                   @DefaultValue("2") int reopensForLevel2,
                                   @DefaultValue("2") int maxExtensions,
                                   @DefaultValue("10") int extensionWorkingDays) {

    /** The rules for warnings, level 2 and extensions. */
    public SlaRules rules() {
        return new SlaRules(warningPercent, reopensForLevel2, maxExtensions, extensionWorkingDays);
    }
}
