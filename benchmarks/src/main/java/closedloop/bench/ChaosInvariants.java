package closedloop.bench;

import closedloop.bench.LoopDriver.Driven;
import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOpened;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.MessageSent;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketWarned;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What must hold after a chaos run has drained, checked against what the driver was told (the 201s) and what is on
 * the topics: each invariant with how many things it checked and which of them broke it.
 */
final class ChaosInvariants {

    /** Messages that go once per complaint in the driven loop (one ticket, one resolution, one closing). */
    private static final Set<String> ONCE_PER_COMPLAINT = Set.of("REGISTRATION_ACK", "NEW_TICKET",
            "RESOLUTION_NOTICE", "CLOSURE_NOTICE");

    /**
     * One invariant's result.
     *
     * @param name     what must hold
     * @param checked  how many things it was checked on
     * @param broken   those that broke it, at most a few shown
     * @param breaches how many broke it
     */
    record Invariant(String name, long checked, List<String> broken, long breaches) {

        boolean holds() {
            return breaches == 0 && checked > 0;
        }
    }

    private ChaosInvariants() {
    }

    static List<Invariant> check(List<Driven> complaints, long answers, List<String> serverErrors,
                                 TopicLedger ledger) {
        List<Driven> answered = complaints.stream().filter(complaint -> !complaint.ids.isEmpty()).toList();
        Set<String> acknowledged = answered.stream().map(Driven::id).collect(Collectors.toSet());
        Map<String, List<ComplaintRegistered>> registered = ledger.byKey(ComplaintRegistered.class,
                ComplaintRegistered::complaintId);
        Map<String, List<TicketAssigned>> assigned = ledger.byKey(TicketAssigned.class, TicketAssigned::complaintId);
        Map<String, List<ClockStarted>> clocks = ledger.byKey(ClockStarted.class, ClockStarted::ticketId);
        Map<String, List<TicketEscalated>> escalated = ledger.byKey(TicketEscalated.class, TicketEscalated::ticketId);
        Map<String, List<CallbackOpened>> callbacks = ledger.byKey(CallbackOpened.class, CallbackOpened::ticketId);
        Map<String, List<ComplaintClosed>> closed = ledger.byKey(ComplaintClosed.class, ComplaintClosed::complaintId);
        Set<String> tickets = ledger.events(TicketAssigned.class).stream().map(TicketAssigned::ticketId)
                .collect(Collectors.toSet());

        List<Invariant> invariants = new ArrayList<>();
        invariants.add(invariant("every request answered 201 (retried with its Idempotency-Key until it was)",
                complaints, complaint -> !complaint.ids.isEmpty(), complaint -> complaint.key));
        invariants.add(invariant("an Idempotency-Key always names the same complaint", answered,
                complaint -> complaint.ids.size() == 1, complaint -> complaint.key + " -> " + complaint.ids));
        invariants.add(invariant("every 201 is exactly one registered complaint (one ComplaintRegistered)",
                acknowledged, id -> registered.getOrDefault(id, List.of()).size() == 1, Function.identity()));
        invariants.add(invariant("every registered complaint was answered 201", registered.keySet(),
                acknowledged::contains, Function.identity()));
        invariants.add(invariant("every complaint routed to exactly one ticket", acknowledged,
                id -> assigned.getOrDefault(id, List.of()).stream().map(TicketAssigned::ticketId).distinct()
                        .count() == 1, Function.identity()));
        invariants.add(invariant("every ticket has its SIGN_FOR, FIRST_CONTACT and RESOLVE clocks", tickets,
                ticket -> clocks.getOrDefault(ticket, List.of()).stream().map(ClockStarted::clock)
                        .collect(Collectors.toSet()).containsAll(EnumSet.of(ClockKind.SIGN_FOR,
                                ClockKind.FIRST_CONTACT, ClockKind.RESOLVE)), Function.identity()));
        invariants.add(invariant("no clock started twice (ticket, clock)",
                grouped(ledger.events(ClockStarted.class), event -> event.ticketId() + "/" + event.clock()),
                group -> group.getValue().size() == 1, Map.Entry::getKey));
        invariants.add(invariant("no escalation twice (ticket, level, clock)",
                grouped(ledger.events(TicketEscalated.class),
                        event -> event.ticketId() + "/" + event.level() + "/" + event.clock()),
                group -> group.getValue().size() == 1, Map.Entry::getKey));
        invariants.add(invariant("no warning twice (ticket, clock)",
                grouped(ledger.events(TicketWarned.class), event -> event.ticketId() + "/" + event.clock()),
                group -> group.getValue().size() == 1, Map.Entry::getKey));
        invariants.add(invariant("no message twice (complaint, purpose, recipient, channel) of those sent once",
                grouped(ledger.events(MessageSent.class).stream()
                                .filter(message -> ONCE_PER_COMPLAINT.contains(message.purpose())).toList(),
                        message -> message.complaintId() + "/" + message.purpose() + "/" + message.recipient()
                                + "/" + message.channel()),
                group -> group.getValue().stream().map(MessageSent::messageId).distinct().count() == 1,
                Map.Entry::getKey));
        invariants.add(invariant("no callback opened twice for a ticket", callbacks.entrySet(),
                group -> group.getValue().stream().map(CallbackOpened::callbackId).distinct().count() == 1,
                Map.Entry::getKey));
        invariants.add(invariant("no callback completed twice for a complaint",
                ledger.byKey(CallbackCompleted.class, CallbackCompleted::complaintId).entrySet(),
                group -> group.getValue().stream().map(CallbackCompleted::callbackId).distinct().count() == 1,
                Map.Entry::getKey));
        invariants.add(invariant("every resolved ticket has its callback",
                ledger.events(TicketResolved.class).stream().map(TicketResolved::ticketId).distinct().toList(),
                callbacks::containsKey, Function.identity()));
        invariants.add(invariant("every complaint driven around the loop is closed, once",
                answered.stream().filter(complaint -> !complaint.neglected).toList(),
                complaint -> closed.getOrDefault(complaint.id(), List.of()).size() == 1, Driven::id));
        invariants.add(invariant("every neglected complaint escalated (level 1, SIGN_FOR) and is still open",
                answered.stream().filter(complaint -> complaint.neglected).toList(),
                complaint -> assigned.getOrDefault(complaint.id(), List.of()).stream().anyMatch(ticket ->
                        escalated.getOrDefault(ticket.ticketId(), List.of()).stream().anyMatch(escalation ->
                                escalation.level() == 1 && escalation.clock() == ClockKind.SIGN_FOR))
                        && !closed.containsKey(complaint.id()), Driven::id));
        invariants.add(new Invariant("no request answered 500 (a fault is answered 503, or not at all)", answers,
                serverErrors.stream().limit(5).toList(), serverErrors.size()));
        invariants.add(invariant("nothing in any dead-letter topic", ledger.deadLetters().entrySet(),
                topic -> topic.getValue() == 0, topic -> topic.getKey() + ": " + topic.getValue()));
        return List.copyOf(invariants);
    }

    private static <E> List<Map.Entry<String, List<E>>> grouped(List<E> events, Function<E, String> key) {
        return List.copyOf(events.stream().collect(Collectors.groupingBy(key)).entrySet());
    }

    private static <T> Invariant invariant(String name, Collection<T> things, Predicate<T> holds,
                                           Function<T, String> label) {
        List<String> broken = things.stream().filter(holds.negate()).map(label).toList();
        return new Invariant(name, things.size(), broken.stream().limit(5).toList(), broken.size());
    }
}
