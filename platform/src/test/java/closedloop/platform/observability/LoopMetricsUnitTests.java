package closedloop.platform.observability;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.TicketEscalated;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoopMetricsUnitTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LoopMetrics metrics = new LoopMetrics(registry);

    @Test
    void countsARegisteredComplaintByChannelAndCategory() {
        ComplaintRegistered registered = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);

        metrics.accept(OutgoingEvent.of(registered));

        assertThat(registry.get(LoopMetrics.COMPLAINTS_REGISTERED)
                .tag("channel", registered.channel().name()).tag("category", registered.category().name())
                .counter().count()).isEqualTo(1);
    }

    @Test
    void countsEachTicketEventAsAnActionOfItsBranch() {
        for (EventType type : new EventType[] {EventType.TICKET_ASSIGNED, EventType.TICKET_ACCEPTED,
                EventType.TICKET_RESOLVED, EventType.TICKET_RETURNED}) {
            metrics.accept(OutgoingEvent.of(Golden.event(type)));
        }

        assertThat(registry.get(LoopMetrics.TICKETS).counters())
                .extracting(counter -> counter.getId().getTag("action"))
                .containsExactlyInAnyOrder("opened", "signed-for", "resolved", "returned");
    }

    @Test
    void countsAnEscalationByLevelAndClock() {
        TicketEscalated escalated = (TicketEscalated) Golden.event(EventType.TICKET_ESCALATED);

        metrics.accept(OutgoingEvent.of(escalated));

        assertThat(registry.get(LoopMetrics.ESCALATIONS).tag("level", String.valueOf(escalated.level()))
                .counter().count()).isEqualTo(1);
    }

    @Test
    void tagsNoPersonPhoneOrComplaint() {
        for (EventType type : EventType.values()) {
            metrics.accept(OutgoingEvent.of(Golden.event(type)));
        }

        assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter -> assertThat(meter.getId().getTags())
                .allSatisfy(tag -> {
                    assertThat(tag.getKey()).isIn("channel", "category", "action", "branch", "clock", "level",
                            "outcome");
                    assertThat(tag.getValue()).doesNotContain(Golden.COMPLAINT_ID).doesNotContainPattern("\\d{11}");
                }));
    }

    @Test
    void countsNothingForAnEventTheStoryDoesNotTell() {
        metrics.accept(OutgoingEvent.of(Golden.event(EventType.TICKET_NOTE_ADDED)));

        assertThat(registry.getMeters()).isEmpty();
    }
}
