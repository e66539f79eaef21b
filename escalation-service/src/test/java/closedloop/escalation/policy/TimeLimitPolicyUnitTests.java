package closedloop.escalation.policy;

import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.Priority;
import closedloop.contracts.TimeBasis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimeLimitPolicyUnitTests {

    private final TimeLimitPolicy defaults = TimeLimitPolicy.fromSettings(1, Instant.EPOCH, SlaProperties.DEFAULTS);

    @Test
    void normalLimitsAreTheDesignBriefsTable() {
        assertThat(defaults.limits(Category.BILLING, Priority.NORMAL)).isEqualTo(new LimitSet(
                hours(2), hours(4), hours(24)));
        assertThat(defaults.limits(Category.INSTALLATION_REPAIR, Priority.NORMAL)).isEqualTo(new LimitSet(
                hours(2), hours(4), hours(48)));
        assertThat(defaults.limits(Category.NETWORK_QUALITY, Priority.NORMAL)).isEqualTo(new LimitSet(
                hours(2), hours(8), hours(72)));
        assertThat(defaults.limits(Category.SERVICE_ATTITUDE, Priority.NORMAL)).isEqualTo(new LimitSet(
                hours(2), workingDays(1), workingDays(3)));
        assertThat(defaults.limits(Category.TARIFF_PRODUCT, Priority.NORMAL)).isEqualTo(new LimitSet(
                hours(2), workingDays(1), workingDays(5)));
        assertThat(defaults.limits(Category.OTHER, Priority.NORMAL)).isEqualTo(new LimitSet(
                hours(2), workingDays(1), workingDays(5)));
    }

    @Test
    void urgentHalvesEveryLimit() {
        assertThat(defaults.limits(Category.BILLING, Priority.URGENT)).isEqualTo(new LimitSet(
                hours(1), hours(2), hours(12)));
        assertThat(defaults.limits(Category.SERVICE_ATTITUDE, Priority.URGENT)).isEqualTo(new LimitSet(
                hours(1), Limit.working(Duration.ofHours(12)), Limit.working(Duration.ofHours(36))));
    }

    @Test
    void majorSignsForInHalfAnHourAndResolvesInADay() {
        assertThat(defaults.limits(Category.NETWORK_QUALITY, Priority.MAJOR)).isEqualTo(new LimitSet(
                Limit.calendar(Duration.ofMinutes(30)), hours(4), hours(24)));
        assertThat(defaults.limits(Category.TARIFF_PRODUCT, Priority.MAJOR).resolve()).isEqualTo(hours(24));
    }

    @Test
    void majorKeepsAShorterConfiguredLimit() {
        SlaProperties quick = new SlaProperties(new SlaProperties.Limits(Duration.ofMinutes(10), null,
                Duration.ofSeconds(20), null), null, null, null, null, null);

        LimitSet major = TimeLimitPolicy.fromSettings(1, Instant.EPOCH, quick).limits(Category.BILLING, Priority.MAJOR);

        assertThat(major.signFor()).isEqualTo(Limit.calendar(Duration.ofMinutes(10)));
        assertThat(major.resolve()).isEqualTo(Limit.calendar(Duration.ofSeconds(20)));
    }

    @Test
    void settingsOverrideOneValueAndKeepTheRest() {
        SlaProperties settings = new SlaProperties(null, null, null,
                new SlaProperties.Limits(null, null, Duration.ofDays(2), TimeBasis.CALENDAR), null, null);

        LimitSet limits = TimeLimitPolicy.fromSettings(1, Instant.EPOCH, settings)
                .limits(Category.SERVICE_ATTITUDE, Priority.NORMAL);

        assertThat(limits).isEqualTo(new LimitSet(hours(2), Limit.calendar(Duration.ofDays(1)),
                Limit.calendar(Duration.ofDays(2))));
    }

    @Test
    void outsideLimitsBelongToTheRegulatorAndTheConsumerAssociation() {
        assertThat(defaults.outside(Channel.REGULATOR)).contains(Limit.calendar(Duration.ofDays(15)));
        assertThat(defaults.outside(Channel.CONSUMER_ASSOCIATION)).contains(workingDays(7));
        assertThat(defaults.outside(Channel.HOTLINE)).isEmpty();
        assertThat(defaults.outside(Channel.MEDIA)).isEmpty();
    }

    @Test
    void aPolicyMustCoverEveryCategoryAndPriority() {
        var rules = defaults.rules().subList(1, defaults.rules().size());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TimeLimitPolicy(2, Instant.EPOCH, Instant.EPOCH, "x", "y", rules, defaults.outside()))
                .withMessageContaining("BILLING at NORMAL");
    }

    @Test
    void republishingKeepsTheLimitsAndChangesTheRest() {
        Instant at = Instant.parse("2026-11-23T01:00:00Z");

        TimeLimitPolicy next = defaults.publishedAs(2, at, at.plusSeconds(60), "sup.liu", "Shorter billing limits");

        assertThat(next.sameLimitsAs(defaults)).isTrue();
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.effectiveFrom()).isEqualTo(at.plusSeconds(60));
        assertThat(next.publishedBy()).isEqualTo("sup.liu");
        assertThat(TimeLimitPolicy.fromSettings(1, Instant.EPOCH, new SlaProperties(new SlaProperties.Limits(
                null, null, Duration.ofHours(12), null), null, null, null, null, null)).sameLimitsAs(defaults)).isFalse();
    }

    private static Limit hours(int hours) {
        return Limit.calendar(Duration.ofHours(hours));
    }

    private static Limit workingDays(int days) {
        return Limit.working(Duration.ofDays(days));
    }
}
