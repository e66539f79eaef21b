package closedloop.escalation.policy.web;

import closedloop.contracts.Category;
import closedloop.contracts.Priority;
import closedloop.escalation.policy.LimitSet;
import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.platform.web.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The three limits of one category at one priority, as read and written over HTTP. */
public record RuleBody(@NotNull @OneOf(Category.class) String category, @NotNull @OneOf(Priority.class) String priority,
                       @NotNull @Valid LimitBody signFor, @NotNull @Valid LimitBody firstContact,
                       @NotNull @Valid LimitBody resolve) {

    static RuleBody of(TimeLimitPolicy.Rule rule) {
        LimitSet limits = rule.limits();
        return new RuleBody(rule.category().name(), rule.priority().name(), LimitBody.of(limits.signFor()),
                LimitBody.of(limits.firstContact()), LimitBody.of(limits.resolve()));
    }

    TimeLimitPolicy.Rule toRule() {
        return new TimeLimitPolicy.Rule(Category.valueOf(category), Priority.valueOf(priority),
                new LimitSet(signFor.toLimit(), firstContact.toLimit(), resolve.toLimit()));
    }
}
