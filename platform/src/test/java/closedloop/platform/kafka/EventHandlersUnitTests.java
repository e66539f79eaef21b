package closedloop.platform.kafka;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.Priority;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventHandlersUnitTests {

    private final List<String> handled = new ArrayList<>();
    private final EventHandlers handlers = EventHandlers
            .of(ComplaintClosed.class, closed -> record("closed " + closed.outcome()))
            .and(ComplaintReopened.class, reopened -> record("reopened " + reopened.reopenCount()));

    @Test
    void handsEachEventToTheHandlerOfItsType() {
        handlers.apply(closed()).block();
        handlers.apply(reopened()).block();

        assertThat(handled).containsExactly("closed SATISFIED", "reopened 2");
    }

    @Test
    void completesAtOnceForAnEventWithoutAHandler() {
        EventHandlers onlyClosed = EventHandlers.of(ComplaintClosed.class, closed -> record("closed"));

        onlyClosed.apply(reopened()).block();

        assertThat(handled).isEmpty();
    }

    @Test
    void runsNothingUntilTheAnswerIsSubscribed() {
        Mono<?> pending = handlers.apply(closed());

        assertThat(handled).isEmpty();
        pending.block();
        assertThat(handled).containsExactly("closed SATISFIED");
    }

    private Mono<Void> record(String what) {
        return Mono.fromRunnable(() -> handled.add(what));
    }

    private static ClosedLoopEvent closed() {
        return new ComplaintClosed(UUID.randomUUID(), Instant.parse("2026-12-01T08:00:00Z"), "c-1",
                CallbackOutcome.SATISFIED, "agent-017");
    }

    private static ClosedLoopEvent reopened() {
        return new ComplaintReopened(UUID.randomUUID(), Instant.parse("2026-12-01T08:00:00Z"), "c-1", 2,
                Priority.URGENT, "agent-017");
    }
}
