package closedloop.escalation.sla;

import closedloop.contracts.ClockKind;
import closedloop.contracts.EventIds;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.ExtensionRefused;
import closedloop.contracts.ExtensionRequested;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static closedloop.escalation.sla.Deadlines.millis;

/**
 * The requests for more time (延期) of one complaint's tickets and the supervisors' decisions on them
 * (docs/architecture.md §4), over the case's list of extensions (changed in place) and its current ticket. It tells the case the event a
 * decision causes; the case records it.
 * <p>
 * <b>Invariant:</b> one extension per request, whose id is the request event's; each is decided at most once,
 * PENDING → APPROVED, REFUSED or LAPSED; only a PENDING extension of the current ticket, while that ticket is open,
 * can be decided, and a request of a ticket that resolves or leaves its branch lapses. A ticket has at most
 * {@link SlaRules#maxExtensions()} approved; each moves its resolve deadline later, never past the OUTSIDE deadline,
 * and all of them together at most {@link SlaRules#extensionWorkingDays()} working days past the deadline the ticket
 * had before its first extension.
 */
final class ExtensionDecisions {

    private final String complaintId;
    private final List<Extension> extensions;
    private final HeldTicket ticket;
    private final Instant outsideCap;

    /**
     * @param extensions the case's extensions, changed in place
     * @param ticket     the case's current ticket; null before the first assignment
     * @param outsideCap the OUTSIDE deadline while that clock runs, else null
     */
    ExtensionDecisions(String complaintId, List<Extension> extensions, HeldTicket ticket, Instant outsideCap) {
        this.complaintId = complaintId;
        this.extensions = extensions;
        this.ticket = ticket;
        this.outsideCap = outsideCap;
    }

    /**
     * The branch of the current ticket asked for more time: a PENDING extension, shown to supervisors. Emits false,
     * changing nothing, for a request seen before or of a ticket that is no longer open.
     */
    boolean request(ExtensionRequested requested, Instant at) {
        String id = requested.eventId().toString();
        if (find(id).isPresent() || !ticket.isOpen()) {
            return false;
        }
        extensions.add(Extension.requested(id, ticket.ticketId(), ticket.branch(), requested.reason(),
                requested.actor(), at, millis(requested.requestedDeadline())));
        return true;
    }

    /**
     * PENDING → APPROVED, to {@code deadline} or, when null, to the deadline requested: the resolve deadline moves
     * there and its warning and level-2 instants follow (what fired stays fired).
     *
     * @return the event that tells it
     * @throws IllegalExtensionDecision when the extension is not PENDING or not of the current, open ticket
     * @throws OwnExtension            when {@code actor} asked for it
     * @throws ExtensionOutOfLimits     when the approval breaks a limit
     */
    ExtensionApproved approve(String extensionId, Instant deadline, String actor, Instant now, Deadlines deadlines) {
        Extension extension = decidable(extensionId, "approve", actor);
        int most = deadlines.rules().maxExtensions();
        if (ticket.approvedExtensions() >= most) {
            throw new ExtensionOutOfLimits("A ticket may be extended at most " + most + " times; ticket "
                    + ticket.ticketId() + " was extended " + ticket.approvedExtensions() + " times already");
        }
        SlaClock resolve = ticket.clock(ClockKind.RESOLVE);
        Instant previous = resolve.deadline();
        Instant target = millis(deadline != null ? deadline : extension.requestedDeadline());
        requireWithinLimits(target, previous, deadlines);
        ticket.extended(previous);
        resolve.extendTo(target, deadlines);
        replace(extension.approved(target, actor, now));
        return new ExtensionApproved(EventIds.derived(extensionId, "approve"), now, complaintId, ticket.ticketId(),
                ticket.branch(), extensionId, previous, target, actor);
    }

    private void requireWithinLimits(Instant target, Instant previous, Deadlines deadlines) {
        if (!target.isAfter(previous)) {
            throw new ExtensionOutOfLimits("The new deadline " + target + " is not later than the current resolve "
                    + "deadline " + previous);
        }
        Instant base = ticket.deadlineBeforeExtensions() != null ? ticket.deadlineBeforeExtensions() : previous;
        Instant latest = deadlines.extensionCap(base);
        if (target.isAfter(latest)) {
            throw new ExtensionOutOfLimits("Extensions may add at most " + deadlines.rules().extensionWorkingDays()
                    + " working days in total: the deadline may not pass " + latest);
        }
        if (outsideCap != null && target.isAfter(outsideCap)) {
            throw new ExtensionOutOfLimits("The new deadline " + target + " is later than the complaint's outside "
                    + "deadline " + outsideCap);
        }
    }

    /**
     * PENDING → REFUSED, with a reason; the deadline stays.
     *
     * @return the event that tells it
     * @throws IllegalExtensionDecision when the extension is not PENDING or not of the current, open ticket
     * @throws OwnExtension            when {@code actor} asked for it
     */
    ExtensionRefused refuse(String extensionId, String reason, String actor, Instant now) {
        Extension extension = decidable(extensionId, "refuse", actor);
        replace(extension.refused(reason, actor, now));
        return new ExtensionRefused(EventIds.derived(extensionId, "refuse"), now, complaintId, ticket.ticketId(),
                ticket.branch(), extensionId, reason, actor);
    }

    /** PENDING → LAPSED for every request of the ticket, which resolved or left its branch; emits whether any did. */
    boolean lapsePending(String ticketId, Instant at) {
        boolean lapsed = false;
        for (int i = 0; i < extensions.size(); i++) {
            Extension extension = extensions.get(i);
            if (extension.isPending() && extension.ticketId().equals(ticketId)) {
                extensions.set(i, extension.lapsed(at));
                lapsed = true;
            }
        }
        return lapsed;
    }

    /** The extension with this id, whatever its state. */
    Optional<Extension> find(String extensionId) {
        return extensions.stream().filter(extension -> extension.id().equals(extensionId)).findFirst();
    }

    private Extension decidable(String extensionId, String action, String actor) {
        Extension extension = find(extensionId)
                .orElseThrow(() -> new IllegalArgumentException("No extension " + extensionId + " in " + complaintId));
        if (extension.requestedBy().equals(actor)) {
            throw new OwnExtension(extensionId, actor);
        }
        if (!extension.isPending()) {
            throw new IllegalExtensionDecision(extension.status(), action);
        }
        if (ticket == null || !ticket.ticketId().equals(extension.ticketId()) || !ticket.isOpen()) {
            throw new IllegalExtensionDecision(ExtensionStatus.LAPSED, action);
        }
        return extension;
    }

    private void replace(Extension decided) {
        extensions.replaceAll(extension -> extension.id().equals(decided.id()) ? decided : extension);
    }
}
