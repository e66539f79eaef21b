package closedloop.escalation.policy.web;

import closedloop.contracts.Channel;
import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.platform.web.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The reply limit of an outside body's channel, as read and written over HTTP. */
public record OutsideBody(@NotNull @OneOf(Channel.class) String channel, @NotNull @Valid LimitBody reply) {

    static OutsideBody of(TimeLimitPolicy.OutsideRule rule) {
        return new OutsideBody(rule.channel().name(), LimitBody.of(rule.reply()));
    }

    TimeLimitPolicy.OutsideRule toRule() {
        return new TimeLimitPolicy.OutsideRule(Channel.valueOf(channel), reply.toLimit());
    }
}
