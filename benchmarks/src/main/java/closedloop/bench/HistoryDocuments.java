package closedloop.bench;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ContactMethod;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.Priority;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEvent;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketResumed;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketWaitingOnCustomer;
import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.escalation.calendar.BusinessCalendars;
import closedloop.escalation.policy.SlaProperties;
import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.escalation.policy.WorkingTime;
import closedloop.escalation.sla.Deadlines;
import closedloop.escalation.whatif.Replay;
import closedloop.escalation.whatif.TicketHistory;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Builds {@code ticket_histories} documents as escalation-service records them: the router's events of one complaint
 * in a mix of what branches do (on time, late, waiting on the customer, returned and dispatched again, never signed
 * for), each category and priority, sixteen branches, followed by the warnings and escalations the SLA engine fires
 * for them under the default policy (computed by the engine's own {@link Replay}, as the live engine would have fired
 * them), written by Spring Data's mapping converter. Seeded, so two runs build the same documents.
 */
final class HistoryDocuments {

    static final TimeLimitPolicy DEFAULTS = TimeLimitPolicy.fromSettings(1, Instant.EPOCH, SlaProperties.DEFAULTS);

    private final Instant from;
    private final Duration spacing;
    private final Instant horizon;
    private final Deadlines deadlines;
    private final Replay replay;
    private final MappingMongoConverter converter;
    private final Random random;

    /** Complaints dispatched one every {@code spacing} from {@code from}; rungs fired up to {@code horizon}. */
    HistoryDocuments(Instant from, Duration spacing, Instant horizon, long seed) {
        this.from = from;
        this.spacing = spacing;
        this.horizon = horizon;
        BusinessCalendar calendar = BusinessCalendars.fromClasspath("CN");
        this.deadlines = new Deadlines(new WorkingTime(calendar), calendar);
        this.replay = new Replay(deadlines);
        this.random = new Random(seed);
        converter = BenchmarkSupport.converter();
    }

    /** The engine's deadline arithmetic on the CN calendar, as the replay uses it. */
    Deadlines deadlines() {
        return deadlines;
    }

    /** The {@code index}-th complaint's history document, with the given id. */
    Document build(int index, String complaintId) {
        Instant dispatched = from.plus(spacing.multipliedBy(index));
        List<TicketEvent> events = routerEvents(complaintId, dispatched);
        List<TicketEvent> recorded = new ArrayList<>(events);
        recorded.addAll(replay.fired(DEFAULTS, complaintId, events, horizon));
        TicketHistory history = new TicketHistory(complaintId, dispatched, TicketHistory.dayOf(dispatched),
                recorded.stream().map(TicketHistory.Recorded::of).toList());
        Document document = new Document();
        converter.write(history, document);
        return document;
    }

    /** A stored document read back as the service reads it. */
    TicketHistory read(Document document) {
        return converter.read(TicketHistory.class, document);
    }

    private List<TicketEvent> routerEvents(String complaintId, Instant at) {
        String ticket = UUID.randomUUID().toString();
        String branch = "BENCH-" + (1 + random.nextInt(16));
        Category category = Category.values()[random.nextInt(Category.values().length)];
        double p = random.nextDouble();
        Priority priority = p < 0.85 ? Priority.NORMAL : p < 0.97 ? Priority.URGENT : Priority.MAJOR;
        Channel channel = random.nextInt(100) < 3 ? Channel.REGULATOR : Channel.HOTLINE;
        List<TicketEvent> events = new ArrayList<>();
        events.add(new TicketAssigned(UUID.randomUUID(), at, complaintId, ticket, branch, category, priority, null,
                AssignmentReason.ROUTED, channel, at.minusSeconds(60)));
        int behaviour = random.nextInt(100);
        if (behaviour < 62) {
            handled(events, complaintId, ticket, branch, at, minutes(10, 80), minutes(20, 120), minutes(120, 1800));
        } else if (behaviour < 77) {
            handled(events, complaintId, ticket, branch, at, minutes(100, 200), minutes(180, 400),
                    minutes(600, 3600));
        } else if (behaviour < 85) {
            Instant accepted = at.plus(minutes(10, 60));
            events.add(new TicketAccepted(UUID.randomUUID(), accepted, complaintId, ticket, branch, "dispatcher"));
            Instant waits = accepted.plus(minutes(30, 120));
            events.add(new TicketWaitingOnCustomer(UUID.randomUUID(), waits, complaintId, ticket, branch,
                    "customer away", "dispatcher"));
            Instant resumed = waits.plus(minutes(120, 1440));
            events.add(new TicketResumed(UUID.randomUUID(), resumed, complaintId, ticket, branch, "dispatcher"));
            contactedAndResolved(events, complaintId, ticket, branch, resumed.plus(minutes(5, 30)),
                    resumed.plus(minutes(60, 900)));
        } else if (behaviour < 95) {
            Instant returned = at.plus(minutes(15, 90));
            events.add(new TicketReturned(UUID.randomUUID(), returned, complaintId, ticket, branch,
                    ReturnReason.NOT_OUR_AREA, "not ours", 1, "dispatcher"));
            String next = UUID.randomUUID().toString();
            String nextBranch = "BENCH-" + (1 + random.nextInt(16));
            Instant again = returned.plus(minutes(5, 30));
            events.add(new TicketAssigned(UUID.randomUUID(), again, complaintId, next, nextBranch, category, priority,
                    ticket, AssignmentReason.RETURNED, channel, at.minusSeconds(60)));
            handled(events, complaintId, next, nextBranch, again, minutes(10, 150), minutes(30, 300),
                    minutes(120, 2400));
        }
        return events;
    }

    private void handled(List<TicketEvent> events, String complaintId, String ticket, String branch, Instant at,
                         Duration accept, Duration contact, Duration resolve) {
        Instant accepted = at.plus(accept);
        events.add(new TicketAccepted(UUID.randomUUID(), accepted, complaintId, ticket, branch, "dispatcher"));
        contactedAndResolved(events, complaintId, ticket, branch, accepted.plus(contact),
                accepted.plus(contact).plus(resolve));
    }

    private void contactedAndResolved(List<TicketEvent> events, String complaintId, String ticket, String branch,
                                      Instant contacted, Instant resolved) {
        events.add(new FirstContactRecorded(UUID.randomUUID(), contacted, complaintId, ticket, branch, contacted,
                ContactMethod.PHONE, "reached", "handler"));
        events.add(new TicketResolved(UUID.randomUUID(), resolved, complaintId, ticket, branch, "fixed", "dispatcher",
                null, null));
    }

    private Duration minutes(int least, int most) {
        return Duration.ofMinutes(least + random.nextInt(most - least + 1));
    }
}
