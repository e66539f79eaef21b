package closedloop.router.routing;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.ReturnReason;
import closedloop.platform.domain.IllegalTransition;
import closedloop.platform.domain.RaceRetry;
import closedloop.platform.domain.RaceRetryProperties;
import closedloop.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The ticket use cases with the store replaced: the settings they follow and the races they lose. */
class TicketServiceUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    private static final int RETRIES = 2;

    private final ComplaintRegistered registered = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
    private final Tickets tickets = mock(Tickets.class);
    private final OutboxRelay relay = mock(OutboxRelay.class);

    @Test
    void reportsAComplaintUnclaimedAfterAsManyPassesAsTheRouterIsSetTo() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);
        stored(ticket);

        Ticket saved = service(1).giveBack(ticket.id(), ReturnReason.NOT_OUR_AREA, null, "li.ming").block();

        assertThat(saved.trail().unclaimedReported()).isTrue();
        assertThat(ticket.pendingEvents()).anyMatch(event -> event.type().equals(EventType.TICKET_UNCLAIMED.id()));
        verify(relay).nudge(ticket);
    }

    @Test
    void triesAChangeThatLostARaceAgainOnAFreshRead() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);
        when(tickets.findById(ticket.id())).thenAnswer(read -> Mono.just(Ticket.assign(registered, "LIXIA-01", NOW)));
        AtomicInteger saves = new AtomicInteger();
        when(tickets.save(any())).thenAnswer(save -> saves.incrementAndGet() == 1
                ? Mono.error(new OptimisticLockingFailureException("someone else saved it"))
                : Mono.just(save.getArgument(0)));

        Ticket saved = service(3).accept(ticket.id(), "li.ming").block();

        assertThat(saved.status()).isEqualTo(TicketStatus.ACCEPTED);
        verify(tickets, times(2)).findById(ticket.id());
    }

    @Test
    void refusesOnTheFreshReadWhenTheWinnerMadeTheActionImpossible() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);
        Ticket signedFor = Ticket.assign(registered, "LIXIA-01", NOW);
        signedFor.accept("zhang.wei", NOW);
        when(tickets.findById(ticket.id())).thenReturn(Mono.just(ticket), Mono.just(signedFor));
        when(tickets.save(any())).thenReturn(Mono.error(new OptimisticLockingFailureException("zhang.wei was first")));

        assertThatThrownBy(() -> service(3).accept(ticket.id(), "li.ming").block())
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("Cannot accept a ticket that is ACCEPTED");
        verify(tickets, times(1)).save(any());
        verify(relay, never()).nudge(any(Ticket.class));
    }

    @Test
    void passesTheLostRaceOnWhenEveryAttemptLostIt() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);
        when(tickets.findById(ticket.id())).thenAnswer(read -> Mono.just(Ticket.assign(registered, "LIXIA-01", NOW)));
        when(tickets.save(any())).thenReturn(Mono.error(new OptimisticLockingFailureException("always someone else")));

        assertThatThrownBy(() -> service(3).accept(ticket.id(), "li.ming").block())
                .isInstanceOf(OptimisticLockingFailureException.class);
        verify(tickets, times(1 + RETRIES)).findById(ticket.id());
    }

    private void stored(Ticket ticket) {
        when(tickets.findById(ticket.id())).thenReturn(Mono.just(ticket));
        when(tickets.save(any())).thenAnswer(save -> Mono.just(save.getArgument(0)));
    }

    private TicketService service(int unclaimedAfter) {
        return new TicketService(tickets, mock(BranchDirectory.class), relay,
                new RaceRetry(new RaceRetryProperties(RETRIES, Duration.ofMillis(1))),
                new RouterProperties(new ClassPathResource("branch-directory.json"), unclaimedAfter),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
