package closedloop.intake.complaint;

import closedloop.contracts.Channel;
import closedloop.contracts.Priority;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a new complaint's priority is derived, step by step, with the reason written down for the agent:
 * <ol>
 *     <li>complaints through a consumer association, the media or the regulator start URGENT, all others NORMAL;</li>
 *     <li>a repeat (same customer, same category, recently) goes one step up;</li>
 *     <li>a VIP customer goes one step up;</li>
 *     <li>the agent may ask for a higher priority, never a lower one: a lower one is ignored, and the reason says so.</li>
 * </ol>
 * Each step stops at MAJOR.
 */
public final class PriorityRules {

    /** Channels that an outside body watches: their complaints start at least URGENT. */
    public static final Set<Channel> WATCHED_CHANNELS =
            EnumSet.of(Channel.CONSUMER_ASSOCIATION, Channel.MEDIA, Channel.REGULATOR);

    private PriorityRules() {
    }

    /** The priority a channel alone gives. */
    public static Priority forChannel(Channel channel) {
        return WATCHED_CHANNELS.contains(channel) ? Priority.URGENT : Priority.NORMAL;
    }

    /**
     * Derives the priority of a new complaint.
     *
     * @param channel        how the complaint came in
     * @param repeatOfNumber the number of the newest earlier complaint it repeats; null when it is no repeat
     * @param vip            whether the customer is a VIP
     * @param requested      the priority the agent asked for; null when the agent asked for none
     */
    public static Decision decide(Channel channel, String repeatOfNumber, boolean vip, Priority requested) {
        Priority priority = forChannel(channel);
        List<String> reasons = new ArrayList<>();
        reasons.add(channel + " channel → " + priority);
        if (repeatOfNumber != null) {
            priority = priority.raised();
            reasons.add("repeat of " + repeatOfNumber + " → " + priority);
        }
        if (vip) {
            priority = priority.raised();
            reasons.add("VIP → " + priority);
        }
        if (requested != null && requested.compareTo(priority) > 0) {
            priority = requested;
            reasons.add("raised by the agent → " + priority);
        } else if (requested != null && requested.compareTo(priority) < 0) {
            reasons.add("requested " + requested + " ignored: it may not be lower than " + priority);
        }
        return new Decision(priority, String.join("; ", reasons));
    }

    /**
     * A derived priority with its reason.
     *
     * @param reason the steps that led to it, e.g. "REGULATOR channel → URGENT; repeat of TS-… → MAJOR; VIP → MAJOR"
     */
    public record Decision(Priority priority, String reason) {
    }
}
