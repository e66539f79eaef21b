package closedloop.escalation.sla;

import closedloop.contracts.Category;
import closedloop.contracts.Priority;
import closedloop.escalation.sla.SlaProperties.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResolveLimitsUnitTests {

    private final ResolveLimits defaults = new ResolveLimits(SlaProperties.DEFAULTS);

    @ParameterizedTest
    @CsvSource({
            "BILLING, PT24H",
            "INSTALLATION_REPAIR, PT48H",
            "NETWORK_QUALITY, PT72H",
            "SERVICE_ATTITUDE, P3D",
            "TARIFF_PRODUCT, P5D",
            "OTHER, P5D"})
    void givesEachCategoryItsDefaultResolveLimit(Category category, Duration expected) {
        assertThat(defaults.resolve(category, Priority.NORMAL)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "BILLING, PT12H",
            "INSTALLATION_REPAIR, PT24H",
            "NETWORK_QUALITY, PT36H",
            "SERVICE_ATTITUDE, PT36H",
            "TARIFF_PRODUCT, PT60H",
            "OTHER, PT60H"})
    void halvesTheLimitOfAnUrgentTicket(Category category, Duration expected) {
        assertThat(defaults.resolve(category, Priority.URGENT)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"BILLING", "INSTALLATION_REPAIR", "NETWORK_QUALITY", "SERVICE_ATTITUDE", "TARIFF_PRODUCT", "OTHER"})
    void resolvesAMajorTicketWithin24Hours(Category category) {
        assertThat(defaults.resolve(category, Priority.MAJOR)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void keepsAShorterCategoryLimitForAMajorTicket() {
        ResolveLimits limits = new ResolveLimits(new SlaProperties(new Limits(Duration.ofHours(6)), null, null, null,
                null, null));

        assertThat(limits.resolve(Category.BILLING, Priority.MAJOR)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void usesAConfiguredLimitAndKeepsTheDefaultsOfTheOtherCategories() {
        ResolveLimits limits = new ResolveLimits(new SlaProperties(new Limits(Duration.ofSeconds(20)), null, null,
                null, null, null));

        assertThat(limits.resolve(Category.BILLING, Priority.NORMAL)).isEqualTo(Duration.ofSeconds(20));
        assertThat(limits.resolve(Category.BILLING, Priority.URGENT)).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.resolve(Category.INSTALLATION_REPAIR, Priority.NORMAL)).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void rejectsALimitThatIsNotPositive() {
        assertThatThrownBy(() -> new Limits(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
