package closedloop.escalation.policy;

import closedloop.contracts.Category;
import closedloop.contracts.TimeBasis;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The configured time limits (时限) per complaint category at NORMAL priority, set under
 * {@code closedloop.sla.<category>} (for example {@code closedloop.sla.installation-repair.resolve=PT48H}, or the
 * environment variable {@code CLOSEDLOOP_SLA_INSTALLATIONREPAIR_RESOLVE}). A value left out keeps its default from the
 * docs/architecture.md §4. They seed the first version of the time-limit policy; later versions are published as data.
 * <p>
 * The sign-for limit is calendar time; {@code basis} says how first contact and resolution count: WORKING for the
 * categories whose defaults are in working days (service attitude, tariff/product, other), else CALENDAR.
 *
 * @param billing            BILLING: 2 h, 4 h, 24 h
 * @param installationRepair INSTALLATION_REPAIR: 2 h, 4 h, 48 h
 * @param networkQuality     NETWORK_QUALITY: 2 h, 8 h, 72 h
 * @param serviceAttitude    SERVICE_ATTITUDE: 2 h, 1 working day, 3 working days
 * @param tariffProduct      TARIFF_PRODUCT: 2 h, 1 working day, 5 working days
 * @param other              OTHER: 2 h, 1 working day, 5 working days
 */
@ConfigurationProperties("closedloop.sla")
public record SlaProperties(Limits billing, Limits installationRepair, Limits networkQuality, Limits serviceAttitude,
                            Limits tariffProduct, Limits other) {

    private static final Duration SIGN_FOR = Duration.ofHours(2);

    /** The defaults of docs/architecture.md §4. */
    public static final SlaProperties DEFAULTS = new SlaProperties(null, null, null, null, null, null);

    public SlaProperties {
        billing = Limits.orDefault(billing, Duration.ofHours(4), Duration.ofHours(24), TimeBasis.CALENDAR);
        installationRepair = Limits.orDefault(installationRepair, Duration.ofHours(4), Duration.ofHours(48),
                TimeBasis.CALENDAR);
        networkQuality = Limits.orDefault(networkQuality, Duration.ofHours(8), Duration.ofHours(72),
                TimeBasis.CALENDAR);
        serviceAttitude = Limits.orDefault(serviceAttitude, Duration.ofDays(1), Duration.ofDays(3), TimeBasis.WORKING);
        tariffProduct = Limits.orDefault(tariffProduct, Duration.ofDays(1), Duration.ofDays(5), TimeBasis.WORKING);
        other = Limits.orDefault(other, Duration.ofDays(1), Duration.ofDays(5), TimeBasis.WORKING);
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

    /**
     * The limits of one category at NORMAL priority; a value left out takes the category's default.
     *
     * @param signFor      from dispatch to signing for (签收), calendar time
     * @param firstContact from dispatch to first contact with the customer (首次联系)
     * @param resolve      from dispatch to resolution (办结)
     * @param basis        how first contact and resolution count
     */
    public record Limits(Duration signFor, Duration firstContact, Duration resolve, TimeBasis basis) {

        public Limits {
            requirePositive(signFor, "signFor");
            requirePositive(firstContact, "firstContact");
            requirePositive(resolve, "resolve");
        }

        private static Limits orDefault(Limits given, Duration firstContact, Duration resolve, TimeBasis basis) {
            if (given == null) {
                return new Limits(SIGN_FOR, firstContact, resolve, basis);
            }
            return new Limits(given.signFor == null ? SIGN_FOR : given.signFor,
                    given.firstContact == null ? firstContact : given.firstContact,
                    given.resolve == null ? resolve : given.resolve,
                    given.basis == null ? basis : given.basis);
        }

        private static void requirePositive(Duration limit, String name) {
            if (limit != null && (limit.isNegative() || limit.isZero())) {
                throw new IllegalArgumentException("The " + name + " limit must be positive, not " + limit);
            }
        }
    }
}
