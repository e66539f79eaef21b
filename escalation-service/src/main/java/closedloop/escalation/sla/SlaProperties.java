package closedloop.escalation.sla;

import closedloop.contracts.Category;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Objects;

/**
 * The time limits (时限) per complaint category, set under {@code closedloop.sla.<category>} (for example
 * {@code closedloop.sla.installation-repair.resolve=PT48H}, or the environment variable
 * {@code CLOSEDLOOP_SLA_INSTALLATIONREPAIR_RESOLVE}). A category left out keeps its default from the design brief.
 * <p>
 * All limits are calendar time for now: the brief's "working days" (3 for service attitude, 5 for tariff/product and
 * other) count as calendar days until the business calendar arrives.
 *
 * @param billing            BILLING, resolve within 24 h
 * @param installationRepair INSTALLATION_REPAIR, resolve within 48 h
 * @param networkQuality     NETWORK_QUALITY, resolve within 72 h
 * @param serviceAttitude    SERVICE_ATTITUDE, resolve within 3 (calendar) days
 * @param tariffProduct      TARIFF_PRODUCT, resolve within 5 (calendar) days
 * @param other              OTHER, resolve within 5 (calendar) days
 */
@ConfigurationProperties("closedloop.sla")
public record SlaProperties(Limits billing, Limits installationRepair, Limits networkQuality, Limits serviceAttitude,
                            Limits tariffProduct, Limits other) {

    /** The defaults of the design brief, §4. */
    public static final SlaProperties DEFAULTS = new SlaProperties(null, null, null, null, null, null);

    public SlaProperties {
        billing = orDefault(billing, Duration.ofHours(24));
        installationRepair = orDefault(installationRepair, Duration.ofHours(48));
        networkQuality = orDefault(networkQuality, Duration.ofHours(72));
        serviceAttitude = orDefault(serviceAttitude, Duration.ofDays(3));
        tariffProduct = orDefault(tariffProduct, Duration.ofDays(5));
        other = orDefault(other, Duration.ofDays(5));
    }

    /** The limits of this category. */
    public Limits of(Category category) {
        return switch (category) {
            case BILLING -> billing;
            case INSTALLATION_REPAIR -> installationRepair;
            case NETWORK_QUALITY -> networkQuality;
            case SERVICE_ATTITUDE -> serviceAttitude;
            case TARIFF_PRODUCT -> tariffProduct;
            case OTHER -> other;
        };
    }

    private static Limits orDefault(Limits limits, Duration resolve) {
        return limits == null || limits.resolve() == null ? new Limits(resolve) : limits;
    }

    /**
     * The limits of one category at NORMAL priority, in calendar time.
     *
     * @param resolve from dispatch to resolution (办结)
     */
    public record Limits(Duration resolve) {

        public Limits {
            Objects.requireNonNull(resolve, "resolve");
            if (resolve.isNegative() || resolve.isZero()) {
                throw new IllegalArgumentException("A resolve limit must be positive, not " + resolve);
            }
        }
    }
}
