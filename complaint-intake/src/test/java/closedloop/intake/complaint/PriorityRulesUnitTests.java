package closedloop.intake.complaint;

import closedloop.contracts.Channel;
import closedloop.contracts.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static closedloop.contracts.Priority.MAJOR;
import static closedloop.contracts.Priority.NORMAL;
import static closedloop.contracts.Priority.URGENT;
import static org.assertj.core.api.Assertions.assertThat;

/** How a new complaint's priority is derived, and the reason written down for it; without Spring. */
class PriorityRulesUnitTests {

    static final String EARLIER = "TS-20261105-000042";

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"CONSUMER_ASSOCIATION", "MEDIA", "REGULATOR"})
    void startsUrgentWhenAnOutsideBodyWatches(Channel channel) {
        assertThat(PriorityRules.decide(channel, null, false, null))
                .isEqualTo(new PriorityRules.Decision(URGENT, channel + " channel → URGENT"));
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"HOTLINE", "COUNTER", "ACCOUNT_MANAGER", "ONLINE"})
    void startsNormalOtherwise(Channel channel) {
        assertThat(PriorityRules.decide(channel, null, false, null))
                .isEqualTo(new PriorityRules.Decision(NORMAL, channel + " channel → NORMAL"));
    }

    @Test
    void raisesARepeatOneStepNamingTheEarlierComplaint() {
        assertThat(PriorityRules.decide(Channel.HOTLINE, EARLIER, false, null)).isEqualTo(new PriorityRules.Decision(
                URGENT, "HOTLINE channel → NORMAL; repeat of TS-20261105-000042 → URGENT"));
    }

    @Test
    void raisesAVipOneStep() {
        assertThat(PriorityRules.decide(Channel.COUNTER, null, true, null))
                .isEqualTo(new PriorityRules.Decision(URGENT, "COUNTER channel → NORMAL; VIP → URGENT"));
    }

    @Test
    void addsTheStepsUpAndStopsAtMajor() {
        assertThat(PriorityRules.decide(Channel.REGULATOR, EARLIER, true, null)).isEqualTo(new PriorityRules.Decision(
                MAJOR, "REGULATOR channel → URGENT; repeat of TS-20261105-000042 → MAJOR; VIP → MAJOR"));
        assertThat(PriorityRules.decide(Channel.HOTLINE, EARLIER, true, null).priority()).isEqualTo(MAJOR);
    }

    @Test
    void takesTheAgentsPriorityWhenItIsHigher() {
        assertThat(PriorityRules.decide(Channel.HOTLINE, null, false, MAJOR)).isEqualTo(new PriorityRules.Decision(
                MAJOR, "HOTLINE channel → NORMAL; raised by the agent → MAJOR"));
    }

    @Test
    void ignoresALowerPriorityTheAgentAskedForAndSaysSo() {
        assertThat(PriorityRules.decide(Channel.MEDIA, null, false, NORMAL)).isEqualTo(new PriorityRules.Decision(
                URGENT, "MEDIA channel → URGENT; requested NORMAL ignored: it may not be lower than URGENT"));
    }

    @Test
    void addsNothingWhenTheAgentAsksForWhatIsDerivedAnyway() {
        assertThat(PriorityRules.decide(Channel.HOTLINE, EARLIER, false, URGENT)).isEqualTo(new PriorityRules.Decision(
                URGENT, "HOTLINE channel → NORMAL; repeat of TS-20261105-000042 → URGENT"));
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void neverEndsBelowTheAgentsOrTheDerivedPriority(Priority requested) {
        for (Channel channel : Channel.values()) {
            Priority derived = PriorityRules.decide(channel, EARLIER, false, null).priority();
            Priority decided = PriorityRules.decide(channel, EARLIER, false, requested).priority();
            assertThat(decided).isGreaterThanOrEqualTo(derived).isGreaterThanOrEqualTo(requested);
        }
    }
}
