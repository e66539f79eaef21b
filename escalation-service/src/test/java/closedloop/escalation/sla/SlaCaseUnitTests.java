package closedloop.escalation.sla;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ClocksPaused;
import closedloop.contracts.ClocksResumed;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.ExtensionRefused;
import closedloop.contracts.ExtensionRequested;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEvent;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketResumed;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketUnclaimed;
import closedloop.contracts.TicketWaitingOnCustomer;
import closedloop.contracts.TicketWarned;
import closedloop.contracts.TimeBasis;
import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.escalation.calendar.BusinessCalendars;
import closedloop.escalation.calendar.CalendarYear;
import closedloop.contracts.DeadlineMoved;
import closedloop.escalation.policy.SlaProperties;
import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.escalation.policy.WorkingTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of one complaint's clocks, on the real 2026 calendar of mainland China. */
class SlaCaseUnitTests {

    private static final BusinessCalendar CALENDAR = BusinessCalendars.fromClasspath("CN");
    private static final Deadlines DEADLINES = new Deadlines(new WorkingTime(CALENDAR), CALENDAR);
    private static final TimeLimitPolicy POLICY = TimeLimitPolicy.fromSettings(1, Instant.EPOCH, SlaProperties.DEFAULTS);
    /** Monday 2026-11-23 09:00 in Beijing. */
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final String COMPLAINT = "complaint-1";

    private final SlaCase slaCase = SlaCase.open(COMPLAINT, 2);

    @Test
    void startsTheThreeClocksOfATicketFromItsDispatchWithTheBriefsDefaults() {
        TicketAssigned assigned = assigned("t1", Category.BILLING, Priority.NORMAL, T0);

        assertThat(apply(assigned)).isTrue();

        assertThat(deadline(ClockKind.SIGN_FOR)).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(deadline(ClockKind.FIRST_CONTACT)).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(slaCase.ticket().clock(ClockKind.SIGN_FOR).warnAt()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
        assertThat(slaCase.policyVersion()).isEqualTo(1);
        assertThat(slaCase.partition()).isEqualTo(2);
        assertThat(slaCase.nextDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
        List<ClockStarted> started = recorded(ClockStarted.class);
        assertThat(started).extracting(ClockStarted::eventId).containsExactly(
                EventIds.derived(assigned.eventId(), "start-sign-for-clock"),
                EventIds.derived(assigned.eventId(), "start-first-contact-clock"),
                EventIds.derived(assigned.eventId(), "start-resolve-clock"));
        assertThat(started.get(2)).isEqualTo(new ClockStarted(EventIds.derived(assigned.eventId(),
                "start-resolve-clock"), T0, COMPLAINT, "t1", "LIXIA-01", ClockKind.RESOLVE,
                T0.plus(Duration.ofHours(24)), 1, Duration.ofHours(24), TimeBasis.CALENDAR));
        started.forEach(Golden::assertSameShape);
    }

    @Test
    void halvesEveryLimitOfAnUrgentTicket() {
        apply(assigned("t1", Category.INSTALLATION_REPAIR, Priority.URGENT, T0));

        assertThat(deadline(ClockKind.SIGN_FOR)).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(deadline(ClockKind.FIRST_CONTACT)).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(T0.plus(Duration.ofHours(24)));
    }

    @Test
    void givesAMajorTicketHalfAnHourToSignForAnd24HoursToResolve() {
        apply(assigned("t1", Category.NETWORK_QUALITY, Priority.MAJOR, T0));

        assertThat(deadline(ClockKind.SIGN_FOR)).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(deadline(ClockKind.FIRST_CONTACT)).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(T0.plus(Duration.ofHours(24)));
    }

    @Test
    void countsWorkingDaysAcrossNationalDayAndTheSwappedSaturday() {
        Instant wednesdayTenOClock = Instant.parse("2026-09-30T02:00:00Z");

        apply(assigned("t1", Category.SERVICE_ATTITUDE, Priority.NORMAL, wednesdayTenOClock));

        // 1-7 October are holidays; Thursday 8, Friday 9 and the swapped Saturday 10 October are worked
        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(Instant.parse("2026-10-10T02:00:00Z"));
        assertThat(deadline(ClockKind.FIRST_CONTACT)).isEqualTo(Instant.parse("2026-10-08T02:00:00Z"));
        assertThat(deadline(ClockKind.SIGN_FOR)).isEqualTo(wednesdayTenOClock.plus(Duration.ofHours(2)));
        assertThat(slaCase.ticket().clock(ClockKind.RESOLVE).basis()).isEqualTo(TimeBasis.WORKING);
    }

    @Test
    void warnsAt75PercentAndEscalatesToLevel1WhenTheLimitPassesEachOnce() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));

        assertThat(slaCase.fire(T0.plus(Duration.ofMinutes(89)))).isFalse();
        assertThat(slaCase.fire(T0.plus(Duration.ofMinutes(90)))).isTrue();
        assertThat(slaCase.fire(T0.plus(Duration.ofMinutes(91)))).isFalse();
        assertThat(slaCase.nextDueAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(slaCase.fire(T0.plus(Duration.ofHours(2)))).isTrue();
        assertThat(slaCase.fire(T0.plus(Duration.ofHours(2)))).isFalse();

        TicketWarned warned = recorded(TicketWarned.class).get(0);
        assertThat(warned).isEqualTo(new TicketWarned(EventIds.derived("t1", "SIGN_FOR/warning"),
                T0.plus(Duration.ofMinutes(90)), COMPLAINT, "t1", "LIXIA-01", ClockKind.SIGN_FOR,
                T0.plus(Duration.ofHours(2))));
        assertThat(recorded(TicketEscalated.class)).containsExactly(new TicketEscalated(
                EventIds.derived("t1", "SIGN_FOR/level-1"), T0.plus(Duration.ofHours(2)), COMPLAINT, "t1",
                "LIXIA-01", 1, ClockKind.SIGN_FOR, T0.plus(Duration.ofHours(2)), EscalationReason.LIMIT_PASSED));
        Golden.assertSameShape(warned);
        Golden.assertSameShape(recorded(TicketEscalated.class).get(0));
        assertThat(slaCase.nextDueAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    }

    @Test
    void skipsAWarningTheBreachMadeObsoleteAfterDowntime() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));

        slaCase.fire(T0.plus(Duration.ofHours(3)));

        assertThat(recorded(TicketWarned.class)).extracting(TicketWarned::clock)
                .containsExactly(ClockKind.FIRST_CONTACT);
        assertThat(recorded(TicketEscalated.class)).extracting(TicketEscalated::clock)
                .containsExactly(ClockKind.SIGN_FOR);
    }

    @Test
    void escalatesAMajorTicketToLevel2WhenItsFirstLimitPassesAndOnlyOnce() {
        apply(assigned("t1", Category.BILLING, Priority.MAJOR, T0));

        slaCase.fire(T0.plus(Duration.ofMinutes(30)));
        slaCase.fire(T0.plus(Duration.ofHours(2)));

        assertThat(recorded(TicketEscalated.class)).extracting(TicketEscalated::level, TicketEscalated::clock,
                TicketEscalated::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, ClockKind.SIGN_FOR, EscalationReason.LIMIT_PASSED),
                org.assertj.core.groups.Tuple.tuple(2, ClockKind.SIGN_FOR, EscalationReason.MAJOR_BREACHED),
                org.assertj.core.groups.Tuple.tuple(1, ClockKind.FIRST_CONTACT, EscalationReason.LIMIT_PASSED));
        assertThat(recorded(TicketEscalated.class).get(1).eventId()).isEqualTo(EventIds.derived("t1", "level-2"));
        assertThat(slaCase.ticket().level2()).isEqualTo(EscalationReason.MAJOR_BREACHED);
    }

    @Test
    void escalatesToLevel2WhenStillUnresolvedAFurtherFullLimitPastTheDeadline() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        apply(new TicketAccepted(UUID.randomUUID(), T0.plusSeconds(60), COMPLAINT, "t1", "LIXIA-01", "li.ming"));
        apply(new FirstContactRecorded(UUID.randomUUID(), T0.plusSeconds(120), COMPLAINT, "t1", "LIXIA-01",
                T0.plusSeconds(120), null, "called", "li.ming"));
        assertThat(slaCase.nextDueAt()).isEqualTo(T0.plus(Duration.ofHours(18)));

        slaCase.fire(T0.plus(Duration.ofHours(24)));
        assertThat(slaCase.nextDueAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
        slaCase.fire(T0.plus(Duration.ofHours(48)).minusMillis(1));
        slaCase.fire(T0.plus(Duration.ofHours(48)));
        slaCase.fire(T0.plus(Duration.ofHours(100)));

        assertThat(recorded(TicketEscalated.class)).extracting(TicketEscalated::level, TicketEscalated::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, EscalationReason.LIMIT_PASSED),
                        org.assertj.core.groups.Tuple.tuple(2, EscalationReason.LONG_PAST_LIMIT));
        assertThat(recorded(TicketWarned.class)).isEmpty();
        assertThat(slaCase.nextDueAt()).isNull();
    }

    @Test
    void escalatesToLevel2WhenReopenedTwice() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        apply(resolved("t1", T0.plusSeconds(600)));
        assertThat(slaCase.nextDueAt()).isNull();
        apply(reassigned("t2", "t1", AssignmentReason.REOPENED, Priority.URGENT, T0.plus(Duration.ofHours(1))));
        assertThat(recorded(TicketEscalated.class)).isEmpty();
        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(T0.plus(Duration.ofHours(13)));
        apply(resolved("t2", T0.plus(Duration.ofHours(2))));
        apply(reassigned("t3", "t2", AssignmentReason.REOPENED, Priority.MAJOR, T0.plus(Duration.ofHours(3))));

        assertThat(slaCase.reopenCount()).isEqualTo(2);
        assertThat(recorded(TicketEscalated.class)).containsExactly(new TicketEscalated(
                EventIds.derived("t3", "level-2"), T0.plus(Duration.ofHours(3)), COMPLAINT, "t3", "LIXIA-01", 2,
                null, null, EscalationReason.REOPENED_TWICE));
        slaCase.fire(T0.plus(Duration.ofHours(4)));
        assertThat(recorded(TicketEscalated.class)).extracting(TicketEscalated::level).containsExactly(2, 1);
    }

    @Test
    void escalatesAnUnclaimedTicketToLevel2Once() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        apply(new TicketReturned(UUID.randomUUID(), T0.plusSeconds(60), COMPLAINT, "t1", "LIXIA-01",
                ReturnReason.NOT_OUR_AREA, null, 3, "li.ming"));

        apply(new TicketUnclaimed(UUID.randomUUID(), T0.plusSeconds(60), COMPLAINT, "t1", "LIXIA-01", 3));
        apply(new TicketUnclaimed(UUID.randomUUID(), T0.plusSeconds(70), COMPLAINT, "t1", "LIXIA-01", 4));

        assertThat(recorded(TicketEscalated.class)).singleElement().satisfies(escalated -> {
            assertThat(escalated.reason()).isEqualTo(EscalationReason.UNCLAIMED);
            assertThat(escalated.level()).isEqualTo(2);
            assertThat(escalated.eventId()).isEqualTo(EventIds.derived("t1", "level-2"));
        });
    }

    @Test
    void pausesWhileWaitingOnTheCustomerAndMovesEveryDeadlineOnByThePause() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        Instant pausedAt = T0.plus(Duration.ofHours(1));
        apply(new TicketWaitingOnCustomer(UUID.randomUUID(), pausedAt, COMPLAINT, "t1", "LIXIA-01", "travels",
                "li.ming"));
        assertThat(slaCase.nextDueAt()).isNull();
        assertThat(slaCase.ticket().clock(ClockKind.SIGN_FOR).state()).isEqualTo(ClockState.PAUSED);

        assertThat(slaCase.fire(T0.plus(Duration.ofHours(30)))).isFalse();

        Instant resumedAt = T0.plus(Duration.ofHours(11));
        apply(new TicketResumed(UUID.randomUUID(), resumedAt, COMPLAINT, "t1", "LIXIA-01", "li.ming"));
        assertThat(deadline(ClockKind.SIGN_FOR)).isEqualTo(T0.plus(Duration.ofHours(12)));
        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(T0.plus(Duration.ofHours(34)));
        assertThat(slaCase.ticket().clock(ClockKind.SIGN_FOR).warnAt()).isEqualTo(T0.plus(Duration.ofMinutes(690)));
        assertThat(slaCase.nextDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(690)));
        assertThat(recorded(ClocksPaused.class)).singleElement().satisfies(Golden::assertSameShape);
        ClocksResumed resumed = recorded(ClocksResumed.class).get(0);
        Golden.assertSameShape(resumed);
        assertThat(resumed.pausedFor()).isEqualTo(Duration.ofHours(10));
        assertThat(resumed.resolveDeadline()).isEqualTo(T0.plus(Duration.ofHours(34)));
        assertThat(recorded(TicketEscalated.class)).isEmpty();
    }

    @Test
    void keepsTheOriginalResolveDeadlineAndItsAlertsWhenTheTicketIsReturned() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        apply(new TicketAccepted(UUID.randomUUID(), T0.plusSeconds(60), COMPLAINT, "t1", "LIXIA-01", "li.ming"));
        slaCase.fire(T0.plus(Duration.ofHours(18)));
        Instant returnedAt = T0.plus(Duration.ofHours(19));
        apply(new TicketReturned(UUID.randomUUID(), returnedAt, COMPLAINT, "t1", "LIXIA-01",
                ReturnReason.NOT_OUR_AREA, null, 1, "li.ming"));
        apply(reassigned("t2", "t1", AssignmentReason.RETURNED, Priority.NORMAL, returnedAt));

        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(deadline(ClockKind.SIGN_FOR)).isEqualTo(returnedAt.plus(Duration.ofHours(2)));
        assertThat(slaCase.ticket().clock(ClockKind.RESOLVE).ticketId()).isEqualTo("t2");
        int warningsBefore = recorded(TicketWarned.class).size();
        slaCase.fire(T0.plus(Duration.ofHours(24)));

        assertThat(recorded(TicketWarned.class)).hasSize(warningsBefore);
        assertThat(recorded(TicketEscalated.class)).extracting(TicketEscalated::eventId)
                .contains(EventIds.derived("t2", "RESOLVE/level-1"))
                .doesNotContain(EventIds.derived("t1", "RESOLVE/level-1"));
    }

    @Test
    void changesNothingForEventsAboutATicketThatIsNoLongerCurrent() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        apply(reassigned("t2", "t1", AssignmentReason.TRANSFERRED, Priority.NORMAL, T0.plusSeconds(60)));
        Instant next = slaCase.nextDueAt();

        assertThat(apply(new TicketAccepted(UUID.randomUUID(), T0.plusSeconds(90), COMPLAINT, "t1", "LIXIA-01",
                "li.ming"))).isFalse();

        assertThat(slaCase.ticket().clock(ClockKind.SIGN_FOR).state()).isEqualTo(ClockState.RUNNING);
        assertThat(slaCase.nextDueAt()).isEqualTo(next);
    }

    @Test
    void capsEveryInternalDeadlineAtTheOutsideDeadlineOfA12315Complaint() {
        Instant registeredFridayBefore = Instant.parse("2026-11-13T01:00:00Z");
        TicketAssigned assigned = new TicketAssigned(UUID.randomUUID(), T0, COMPLAINT, "t1", "LIXIA-01",
                Category.OTHER, Priority.NORMAL, null, AssignmentReason.ROUTED, Channel.CONSUMER_ASSOCIATION,
                registeredFridayBefore);

        apply(assigned);

        Instant outsideDeadline = Instant.parse("2026-11-24T01:00:00Z");
        assertThat(slaCase.outside().deadline()).isEqualTo(outsideDeadline);
        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(outsideDeadline);
        assertThat(deadline(ClockKind.SIGN_FOR)).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(recorded(ClockStarted.class)).extracting(ClockStarted::eventId)
                .contains(EventIds.derived(assigned.eventId(), "start-outside-clock"));
        slaCase.fire(outsideDeadline);
        assertThat(recorded(TicketEscalated.class)).extracting(TicketEscalated::eventId).contains(
                EventIds.derived(COMPLAINT, "OUTSIDE/level-1"), EventIds.derived("t1", "RESOLVE/level-1"));
    }

    @Test
    void givesARegulatorComplaint15CalendarDaysFromRegistration() {
        apply(new TicketAssigned(UUID.randomUUID(), T0, COMPLAINT, "t1", "LIXIA-01", Category.BILLING,
                Priority.URGENT, null, AssignmentReason.ROUTED, Channel.REGULATOR, T0.minusSeconds(30)));

        assertThat(slaCase.outside().deadline()).isEqualTo(T0.minusSeconds(30).plus(Duration.ofDays(15)));
        assertThat(slaCase.outside().basis()).isEqualTo(TimeBasis.CALENDAR);
        apply(resolved("t1", T0.plusSeconds(60)));
        assertThat(slaCase.outside().state()).isEqualTo(ClockState.STOPPED);
        assertThat(slaCase.nextDueAt()).isNull();
    }

    @Test
    void changesNothingWhenTheSameEventArrivesTwice() {
        TicketAssigned assigned = assigned("t1", Category.BILLING, Priority.NORMAL, T0);
        apply(assigned);
        int events = slaCase.pendingEvents().size();

        assertThat(slaCase.apply(assigned, 2, POLICY, DEADLINES)).isFalse();
        TicketAccepted accepted = new TicketAccepted(UUID.randomUUID(), T0.plusSeconds(60), COMPLAINT, "t1",
                "LIXIA-01", "li.ming");
        assertThat(apply(accepted)).isTrue();
        assertThat(apply(accepted)).isFalse();

        assertThat(slaCase.pendingEvents()).hasSize(events);
    }

    @Test
    void changesNothingWhenEarlyEventsAreRedeliveredAfterMoreThan64LaterOnes() {
        SlaCase twin = SlaCase.open(COMPLAINT, 2);
        List<TicketEvent> early = List.of(assigned("t1", Category.BILLING, Priority.NORMAL, T0),
                waiting("t1", T0.plusSeconds(60)), resumed("t1", T0.plusSeconds(120)),
                new ExtensionRequested(UUID.randomUUID(), T0.plusSeconds(180), COMPLAINT, "t1", "LIXIA-01",
                        "needs the billing centre", T0.plus(Duration.ofHours(48)), "li.ming"),
                new TicketAccepted(UUID.randomUUID(), T0.plusSeconds(240), COMPLAINT, "t1", "LIXIA-01", "li.ming"));
        List<TicketEvent> later = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            later.add(waiting("t1", T0.plus(Duration.ofMinutes(10 + 2 * i))));
            later.add(resumed("t1", T0.plus(Duration.ofMinutes(11 + 2 * i))));
        }
        later.add(waiting("t1", T0.plus(Duration.ofMinutes(90))));
        Stream.concat(early.stream(), later.stream()).forEach(event -> applyToBoth(event, twin));
        assertThat(later).hasSizeGreaterThan(64);
        assertThat(slaCase.ticket().isPaused()).isTrue();

        assertThat(early).allSatisfy(event -> assertThat(apply(event)).as("again: %s", event).isFalse());
        assertThat(slaCase).usingRecursiveComparison().isEqualTo(twin);

        applyToBoth(resumed("t1", T0.plus(Duration.ofMinutes(100))), twin);
        applyToBoth(new TicketReturned(UUID.randomUUID(), T0.plus(Duration.ofMinutes(110)), COMPLAINT, "t1",
                "LIXIA-01", ReturnReason.NOT_OUR_AREA, null, 1, "li.ming"), twin);
        applyToBoth(reassigned("t2", "t1", AssignmentReason.RETURNED, Priority.NORMAL,
                T0.plus(Duration.ofMinutes(110))), twin);
        assertThat(early).allSatisfy(event -> assertThat(apply(event)).as("again: %s", event).isFalse());
        assertThat(slaCase).usingRecursiveComparison().isEqualTo(twin);
        assertThat(slaCase.ticket().ticketId()).isEqualTo("t2");
    }

    @Test
    void warnsAtTheShareOfALimitTheRulesSet() {
        Deadlines halfway = deadlines(new SlaRules(50, 2, 2, 10));

        slaCase.apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0), 2, POLICY, halfway);

        assertThat(slaCase.ticket().clock(ClockKind.SIGN_FOR).warnAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(slaCase.fire(T0.plus(Duration.ofHours(1)))).isTrue();
        assertThat(recorded(TicketWarned.class)).extracting(TicketWarned::clock).containsExactly(ClockKind.SIGN_FOR);
    }

    @Test
    void escalatesToLevel2AfterAsManyReopensAsTheRulesSet() {
        Deadlines oneReopen = deadlines(new SlaRules(75, 1, 2, 10));
        slaCase.apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0), 2, POLICY, oneReopen);
        slaCase.apply(resolved("t1", T0.plusSeconds(600)), 2, POLICY, oneReopen);

        slaCase.apply(reassigned("t2", "t1", AssignmentReason.REOPENED, Priority.URGENT, T0.plus(Duration.ofHours(1))),
                2, POLICY, oneReopen);

        assertThat(recorded(TicketEscalated.class)).singleElement().satisfies(escalated -> {
            assertThat(escalated.level()).isEqualTo(2);
            assertThat(escalated.reason()).isEqualTo(EscalationReason.REOPENED_TWICE);
        });
    }

    @Test
    void refusesMoreExtensionsOfATicketThanTheRulesAllow() {
        Deadlines oneExtension = deadlines(new SlaRules(75, 2, 1, 10));
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        ExtensionRequested first = extensionRequested(T0.plus(Duration.ofHours(30)));
        apply(first);
        slaCase.approveExtension(first.eventId().toString(), null, "sup.liu", T0.plusSeconds(600), oneExtension);
        ExtensionRequested second = extensionRequested(T0.plus(Duration.ofHours(36)));
        apply(second);

        assertThatThrownBy(() -> slaCase.approveExtension(second.eventId().toString(), null, "sup.liu",
                T0.plusSeconds(900), oneExtension)).isInstanceOf(ExtensionOutOfLimits.class)
                .hasMessageContaining("at most 1 times");
        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(T0.plus(Duration.ofHours(30)));
    }

    @Test
    void capsExtensionsAtTheWorkingDaysTheRulesSet() {
        Deadlines fiveDays = deadlines(new SlaRules(75, 2, 2, 5));
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        // resolve due Tuesday 2026-11-24 09:00; five working days on is Tuesday 2026-12-01 09:00
        Instant fiveWorkingDays = Instant.parse("2026-12-01T01:00:00Z");
        ExtensionRequested tooFar = extensionRequested(fiveWorkingDays.plusMillis(1));
        apply(tooFar);

        assertThatThrownBy(() -> slaCase.approveExtension(tooFar.eventId().toString(), null, "sup.liu",
                T0.plusSeconds(900), fiveDays)).isInstanceOf(ExtensionOutOfLimits.class)
                .hasMessageContaining("at most 5 working days").hasMessageContaining(fiveWorkingDays.toString());
        slaCase.approveExtension(tooFar.eventId().toString(), fiveWorkingDays, "sup.liu", T0.plusSeconds(900),
                fiveDays);
        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(fiveWorkingDays);
    }

    @Test
    void approvesAnExtensionMovingTheResolveDeadlineItsWarningAndItsLevel2() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        ExtensionRequested requested = extensionRequested(T0.plus(Duration.ofHours(48)));
        apply(requested);
        String id = requested.eventId().toString();
        assertThat(slaCase.extension(id)).get().extracting(Extension::status).isEqualTo(ExtensionStatus.PENDING);

        slaCase.approveExtension(id, null, "sup.liu", T0.plusSeconds(600), DEADLINES);

        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(slaCase.ticket().clock(ClockKind.RESOLVE).warnAt()).isEqualTo(T0.plus(Duration.ofHours(36)));
        assertThat(slaCase.ticket().clock(ClockKind.RESOLVE).longPastAt()).isEqualTo(T0.plus(Duration.ofHours(72)));
        ExtensionApproved approved = recorded(ExtensionApproved.class).get(0);
        assertThat(approved).isEqualTo(new ExtensionApproved(EventIds.derived(id, "approve"), T0.plusSeconds(600),
                COMPLAINT, "t1", "LIXIA-01", id, T0.plus(Duration.ofHours(24)), T0.plus(Duration.ofHours(48)),
                "sup.liu"));
        Golden.assertSameShape(approved);
        assertThat(slaCase.extension(id)).get().extracting(Extension::status, Extension::decidedBy)
                .containsExactly(ExtensionStatus.APPROVED, "sup.liu");
    }

    @Test
    void approvesAnotherDeadlineThanTheOneRequested() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        ExtensionRequested requested = extensionRequested(T0.plus(Duration.ofHours(48)));
        apply(requested);

        slaCase.approveExtension(requested.eventId().toString(), T0.plus(Duration.ofHours(30)), "sup.liu",
                T0.plusSeconds(600), DEADLINES);

        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(T0.plus(Duration.ofHours(30)));
    }

    @Test
    void refusesAnExtensionWithItsReasonAndKeepsTheDeadline() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        ExtensionRequested requested = extensionRequested(T0.plus(Duration.ofHours(48)));
        apply(requested);
        String id = requested.eventId().toString();

        slaCase.refuseExtension(id, "Can be done locally", "sup.liu", T0.plusSeconds(600));

        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(T0.plus(Duration.ofHours(24)));
        ExtensionRefused refused = recorded(ExtensionRefused.class).get(0);
        assertThat(refused.eventId()).isEqualTo(EventIds.derived(id, "refuse"));
        assertThat(refused.reason()).isEqualTo("Can be done locally");
        Golden.assertSameShape(refused);
        assertThatThrownBy(() -> slaCase.approveExtension(id, null, "sup.liu", T0.plusSeconds(700), DEADLINES))
                .isInstanceOfSatisfying(IllegalExtensionDecision.class,
                        illegal -> assertThat(illegal.status()).isEqualTo(ExtensionStatus.REFUSED));
    }

    @Test
    void refusesAThirdExtensionOfTheSameTicket() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        approve(T0.plus(Duration.ofHours(30)));
        approve(T0.plus(Duration.ofHours(36)));
        ExtensionRequested third = extensionRequested(T0.plus(Duration.ofHours(40)));
        apply(third);

        assertThatThrownBy(() -> slaCase.approveExtension(third.eventId().toString(), null, "sup.liu",
                T0.plusSeconds(900), DEADLINES)).isInstanceOf(ExtensionOutOfLimits.class).hasMessageContaining("2");
        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(T0.plus(Duration.ofHours(36)));
    }

    @Test
    void refusesADeadlineThatIsNotLaterThanTheCurrentOne() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        ExtensionRequested requested = extensionRequested(T0.plus(Duration.ofHours(24)));
        apply(requested);

        assertThatThrownBy(() -> slaCase.approveExtension(requested.eventId().toString(), null, "sup.liu",
                T0.plusSeconds(900), DEADLINES)).isInstanceOf(ExtensionOutOfLimits.class);
    }

    @Test
    void refusesToExtendByMoreThanTenWorkingDaysInTotal() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        // resolve due Tuesday 2026-11-24 09:00; ten working days on is Tuesday 2026-12-08 09:00
        Instant tenWorkingDays = Instant.parse("2026-12-08T01:00:00Z");
        approve(Instant.parse("2026-12-01T01:00:00Z"));
        ExtensionRequested tooFar = extensionRequested(tenWorkingDays.plusMillis(1));
        apply(tooFar);

        assertThatThrownBy(() -> slaCase.approveExtension(tooFar.eventId().toString(), null, "sup.liu",
                T0.plusSeconds(900), DEADLINES)).isInstanceOf(ExtensionOutOfLimits.class)
                .hasMessageContaining(tenWorkingDays.toString());
        slaCase.approveExtension(tooFar.eventId().toString(), tenWorkingDays, "sup.liu", T0.plusSeconds(900),
                DEADLINES);
        assertThat(deadline(ClockKind.RESOLVE)).isEqualTo(tenWorkingDays);
    }

    @Test
    void refusesToExtendPastTheOutsideDeadline() {
        apply(new TicketAssigned(UUID.randomUUID(), T0, COMPLAINT, "t1", "LIXIA-01", Category.BILLING,
                Priority.NORMAL, null, AssignmentReason.ROUTED, Channel.REGULATOR,
                T0.minus(Duration.ofDays(14))));
        ExtensionRequested requested = extensionRequested(T0.plus(Duration.ofHours(25)));
        apply(requested);

        assertThatThrownBy(() -> slaCase.approveExtension(requested.eventId().toString(), null, "sup.liu",
                T0.plusSeconds(900), DEADLINES)).isInstanceOf(ExtensionOutOfLimits.class)
                .hasMessageContaining("outside");
    }

    @Test
    void letsAPendingExtensionLapseWhenItsTicketIsReturned() {
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        ExtensionRequested requested = extensionRequested(T0.plus(Duration.ofHours(48)));
        apply(requested);
        apply(new TicketReturned(UUID.randomUUID(), T0.plusSeconds(60), COMPLAINT, "t1", "LIXIA-01",
                ReturnReason.NOT_OUR_AREA, null, 1, "li.ming"));

        assertThatThrownBy(() -> slaCase.refuseExtension(requested.eventId().toString(), "no", "sup.liu",
                T0.plusSeconds(90))).isInstanceOfSatisfying(IllegalExtensionDecision.class,
                illegal -> assertThat(illegal.status()).isEqualTo(ExtensionStatus.LAPSED));
    }

    @Test
    void keepsNextDueAtOnTheEarliestThingStillToFire() {
        assertThat(slaCase.nextDueAt()).isNull();
        apply(assigned("t1", Category.BILLING, Priority.NORMAL, T0));
        assertThat(slaCase.nextDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
        apply(new TicketAccepted(UUID.randomUUID(), T0.plusSeconds(60), COMPLAINT, "t1", "LIXIA-01", "li.ming"));
        assertThat(slaCase.nextDueAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
        slaCase.fire(T0.plus(Duration.ofHours(3)));
        assertThat(slaCase.nextDueAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
        slaCase.fire(T0.plus(Duration.ofHours(4)));
        assertThat(slaCase.nextDueAt()).isEqualTo(T0.plus(Duration.ofHours(18)));
        apply(resolved("t1", T0.plus(Duration.ofHours(5))));
        assertThat(slaCase.nextDueAt()).isNull();
    }

    private void approve(Instant deadline) {
        ExtensionRequested requested = extensionRequested(deadline);
        apply(requested);
        slaCase.approveExtension(requested.eventId().toString(), null, "sup.liu", T0.plusSeconds(600), DEADLINES);
    }

    @Test
    void recountsAWorkingTimeDeadlineOnAnUploadedYearOnceAndTellsOfIt() {
        BusinessCalendar calendar = BusinessCalendars.fromClasspath("CN");
        Deadlines deadlines = new Deadlines(new WorkingTime(calendar), calendar);
        Instant newYearsEve = Instant.parse("2026-12-31T02:00:00Z");
        slaCase.apply(assigned("t1", Category.SERVICE_ATTITUDE, Priority.NORMAL, newYearsEve), 2, POLICY, deadlines);
        // one working day on plain weeks: Friday 1 January 2027, 10:00
        assertThat(deadline(ClockKind.FIRST_CONTACT)).isEqualTo(Instant.parse("2027-01-01T02:00:00Z"));
        Instant signFor = deadline(ClockKind.SIGN_FOR);
        BusinessCalendar before = calendar.snapshot();
        calendar.takeYearsOf(BusinessCalendars.merge("CN", List.of(BusinessCalendars.yearsOnClasspath("CN").get(0),
                new CalendarYear(2027, calendar.zone(), List.of(LocalDate.of(2027, 1, 1)), List.of(),
                        calendar.workingHours()))), "CN-2027-v1");
        Instant anHourLater = newYearsEve.plus(Duration.ofHours(1));

        assertThat(slaCase.recalendar(before, anHourLater, deadlines)).isTrue();
        assertThat(slaCase.recalendar(before, anHourLater, deadlines)).isFalse();

        // New Year's Day is off now: Monday 4 January
        assertThat(deadline(ClockKind.FIRST_CONTACT)).isEqualTo(Instant.parse("2027-01-04T02:00:00Z"));
        assertThat(deadline(ClockKind.SIGN_FOR)).isEqualTo(signFor);
        assertThat(slaCase.calendarKey()).isEqualTo("CN-2027-v1");
        List<DeadlineMoved> moved = recorded(DeadlineMoved.class);
        assertThat(moved).extracting(DeadlineMoved::clock)
                .containsExactly(ClockKind.FIRST_CONTACT, ClockKind.RESOLVE);
        assertThat(moved.get(0)).isEqualTo(new DeadlineMoved(moved.get(0).eventId(), anHourLater, COMPLAINT, "t1",
                "LIXIA-01", ClockKind.FIRST_CONTACT, Instant.parse("2027-01-01T02:00:00Z"),
                Instant.parse("2027-01-04T02:00:00Z"), "CN-2027-v1"));
        assertThat(slaCase.nextDueAt()).isEqualTo(slaCase.ticket().clock(ClockKind.SIGN_FOR).warnAt());
    }

    @Test
    void aCaseCountedOnTheCurrentCalendarIsNotRecounted() {
        apply(assigned("t1", Category.SERVICE_ATTITUDE, Priority.NORMAL, T0));
        Instant firstContact = deadline(ClockKind.FIRST_CONTACT);

        assertThat(slaCase.recalendar(CALENDAR, T0.plusSeconds(60), DEADLINES)).isFalse();

        assertThat(deadline(ClockKind.FIRST_CONTACT)).isEqualTo(firstContact);
        assertThat(recorded(DeadlineMoved.class)).isEmpty();
    }

    private boolean apply(TicketEvent event) {
        return slaCase.apply(event, 2, POLICY, DEADLINES);
    }

    private void applyToBoth(TicketEvent event, SlaCase twin) {
        apply(event);
        twin.apply(event, 2, POLICY, DEADLINES);
    }

    private static Deadlines deadlines(SlaRules rules) {
        return new Deadlines(new WorkingTime(CALENDAR), CALENDAR, rules);
    }

    private Instant deadline(ClockKind kind) {
        return slaCase.ticket().clock(kind).deadline();
    }

    private static TicketAssigned assigned(String ticketId, Category category, Priority priority, Instant at) {
        return new TicketAssigned(UUID.randomUUID(), at, COMPLAINT, ticketId, "LIXIA-01", category, priority, null,
                AssignmentReason.ROUTED, Channel.HOTLINE, at.minusSeconds(5));
    }

    private static TicketAssigned reassigned(String ticketId, String previous, AssignmentReason reason,
                                             Priority priority, Instant at) {
        return new TicketAssigned(UUID.randomUUID(), at, COMPLAINT, ticketId, "LIXIA-01", Category.BILLING, priority,
                previous, reason, Channel.HOTLINE, T0.minusSeconds(5));
    }

    private static TicketWaitingOnCustomer waiting(String ticketId, Instant at) {
        return new TicketWaitingOnCustomer(UUID.randomUUID(), at, COMPLAINT, ticketId, "LIXIA-01", "travels",
                "li.ming");
    }

    private static TicketResumed resumed(String ticketId, Instant at) {
        return new TicketResumed(UUID.randomUUID(), at, COMPLAINT, ticketId, "LIXIA-01", "li.ming");
    }

    private static TicketResolved resolved(String ticketId, Instant at) {
        return new TicketResolved(UUID.randomUUID(), at, COMPLAINT, ticketId, "LIXIA-01", "done", "li.ming");
    }

    private ExtensionRequested extensionRequested(Instant deadline) {
        return new ExtensionRequested(UUID.randomUUID(), T0.plusSeconds(300), COMPLAINT,
                slaCase.ticket().ticketId(), "LIXIA-01", "needs the billing centre", deadline, "li.ming");
    }

    private <T extends ClosedLoopEvent> List<T> recorded(Class<T> type) {
        return slaCase.pendingEvents().stream()
                .map(event -> EventJson.read(EventType.byId(event.type()).orElseThrow(), event.payload()))
                .filter(type::isInstance).map(type::cast).toList();
    }
}
