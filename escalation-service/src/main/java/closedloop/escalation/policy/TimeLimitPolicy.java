package closedloop.escalation.policy;

import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.Priority;
import closedloop.contracts.TimeBasis;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the time-limit policy (docs/architecture.md §4): for every category × priority the sign-for, first-contact
 * and resolve limits, and the outside limits of the channels that carry one. A complaint is measured against the
 * version in force when it was registered, that is the one with the latest {@code effectiveFrom} not after it.
 *
 * Stored one document per version in {@code policies}; never changed once published.
 *
 * @param version       1, 2, 3… in the order published; of the versions in force at an instant, the highest applies
 * @param effectiveFrom from when complaints registered are measured against it
 * @param publishedAt   when it was published
 * @param publishedBy   who published it ({@code configuration} for the ones seeded from settings)
 * @param note          why it was published
 * @param rules         one per category and priority, all 18 present
 * @param outside       the outside limits per channel (REGULATOR, CONSUMER_ASSOCIATION)
 */
@Document(TimeLimitPolicy.COLLECTION)
public record TimeLimitPolicy(@Id int version, @Indexed Instant effectiveFrom, Instant publishedAt, String publishedBy,
                              String note, List<Rule> rules, List<OutsideRule> outside) {

    public static final String COLLECTION = "policies";

    /** Who published the version seeded from the {@code closedloop.sla} settings. */
    public static final String CONFIGURATION = "configuration";

    static final Duration MAJOR_SIGN_FOR = Duration.ofMinutes(30);
    static final Duration MAJOR_RESOLVE = Duration.ofHours(24);

    public TimeLimitPolicy {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        rules = List.copyOf(rules);
        outside = List.copyOf(outside);
        for (Category category : Category.values()) {
            for (Priority priority : Priority.values()) {
                if (rules.stream().noneMatch(rule -> rule.category == category && rule.priority == priority)) {
                    throw new IllegalArgumentException("No limits for " + category + " at " + priority);
                }
            }
        }
    }

    /**
     * The default policy of docs/architecture.md §4 with the configured NORMAL limits: URGENT halves every limit; MAJOR signs for within
     * 30 minutes, contacts the customer within half the normal limit and resolves within 24 hours (or the category's
     * own limit, if that is a shorter calendar limit). REGULATOR complaints are answered within 15 days, consumer
     * association (12315) ones within 7 working days.
     */
    public static TimeLimitPolicy fromSettings(int version, Instant effectiveFrom, SlaProperties settings) {
        List<Rule> rules = new ArrayList<>();
        for (Category category : Category.values()) {
            SlaProperties.Limits normal = settings.of(category);
            LimitSet base = new LimitSet(Limit.calendar(normal.signFor()),
                    new Limit(normal.firstContact(), normal.basis()), new Limit(normal.resolve(), normal.basis()));
            rules.add(new Rule(category, Priority.NORMAL, base));
            rules.add(new Rule(category, Priority.URGENT, new LimitSet(base.signFor().dividedBy(2),
                    base.firstContact().dividedBy(2), base.resolve().dividedBy(2))));
            rules.add(new Rule(category, Priority.MAJOR, new LimitSet(shorter(base.signFor(), MAJOR_SIGN_FOR),
                    base.firstContact().dividedBy(2), shorter(base.resolve(), MAJOR_RESOLVE))));
        }
        List<OutsideRule> outside = List.of(
                new OutsideRule(Channel.REGULATOR, Limit.calendar(Duration.ofDays(15))),
                new OutsideRule(Channel.CONSUMER_ASSOCIATION, Limit.working(Duration.ofDays(7))));
        return new TimeLimitPolicy(version, effectiveFrom, effectiveFrom, CONFIGURATION,
                "Design brief defaults and closedloop.sla settings", rules, outside);
    }

    /** Whether this version states the same limits as {@code other}, whatever their versions and notes. */
    public boolean sameLimitsAs(TimeLimitPolicy other) {
        return rules.equals(other.rules) && outside.equals(other.outside);
    }

    /** This policy's limits as version {@code next}, effective from {@code at}, published by {@code by}. */
    public TimeLimitPolicy publishedAs(int next, Instant at, Instant effective, String by, String why) {
        return new TimeLimitPolicy(next, effective, at, by, why, rules, outside);
    }

    /** The limits of a ticket of this category and priority. */
    public LimitSet limits(Category category, Priority priority) {
        return rules.stream()
                .filter(rule -> rule.category == category && rule.priority == priority)
                .findFirst()
                .map(Rule::limits)
                .orElseThrow();
    }

    /** The outside limit of complaints that came in through this channel, if it has one. */
    public Optional<Limit> outside(Channel channel) {
        return outside.stream().filter(rule -> rule.channel == channel).map(OutsideRule::reply).findFirst();
    }

    /** The given calendar cap when it is shorter than a calendar limit, or always for a working-time limit. */
    private static Limit shorter(Limit limit, Duration cap) {
        if (limit.basis() == TimeBasis.CALENDAR && limit.amount().compareTo(cap) < 0) {
            return limit;
        }
        return Limit.calendar(cap);
    }

    /** The limits of one category at one priority. */
    public record Rule(Category category, Priority priority, LimitSet limits) {
        public Rule {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(limits, "limits");
        }
    }

    /** The reply limit an outside body sets for complaints from its channel. */
    public record OutsideRule(Channel channel, Limit reply) {
        public OutsideRule {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(reply, "reply");
        }
    }
}
