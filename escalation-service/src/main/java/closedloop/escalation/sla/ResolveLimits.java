package closedloop.escalation.sla;

import closedloop.contracts.Category;
import closedloop.contracts.Priority;

import java.time.Duration;

/**
 * How long a ticket may take to be resolved, by its category and priority (design brief §4): the category's limit,
 * halved for URGENT; a MAJOR complaint resolves within 24 hours, or within its category's limit if that is shorter.
 * Calendar time only, until the business calendar arrives.
 */
public class ResolveLimits {

    static final Duration MAJOR_RESOLVE = Duration.ofHours(24);

    private final SlaProperties properties;

    public ResolveLimits(SlaProperties properties) {
        this.properties = properties;
    }

    /** The resolve limit of a ticket of this category and priority. */
    public Duration resolve(Category category, Priority priority) {
        Duration limit = properties.of(category).resolve();
        return switch (priority) {
            case NORMAL -> limit;
            case URGENT -> limit.dividedBy(2);
            case MAJOR -> limit.compareTo(MAJOR_RESOLVE) < 0 ? limit : MAJOR_RESOLVE;
        };
    }
}
