package closedloop.escalation.calendar;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ContactMethod;
import closedloop.contracts.DeadlineMoved;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.escalation.EscalationServiceApplication;
import closedloop.escalation.sla.ClockState;
import closedloop.escalation.sla.web.CaseClocksView;
import closedloop.escalation.sla.web.ClockView;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import closedloop.testsupport.TestIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The business calendar over HTTP against a real broker and MongoDB wire server: the years it holds, the warning
 * from 1 December while next year's is missing (also as a metric), an administrator's upload of next year as a new
 * version that deadlines count with at once, the open clocks counted before recounted once with an event each (at
 * once when due in the new year, else when they next fall due), and a bad upload refused whole, naming each bad
 * entry.
 */
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + EscalationServiceApplication.NAME,
        // a context of its own: these tests upload years and move the clock to December
        "closedloop.calendar.next-year-warning-from=12-01"})
abstract class CalendarIntegrationTests {

    /** Thursday 31 December 2026, 10:00 in Beijing. */
    private static final Instant NEW_YEARS_EVE = Instant.parse("2026-12-31T02:00:00Z");
    /** Not the official 2027 calendar (not published yet): a test year with New Year's Day off. */
    private static final Map<String, Object> TEST_2027 = Map.of("year", 2027, "zone", "Asia/Shanghai",
            "holidays", List.of("2027-01-01"), "workingWeekends", List.of(),
            "workingHours", List.of(Map.of("from", "09:00", "to", "12:00"), Map.of("from", "13:30", "to", "18:00")));

    @Autowired
    private WebTestClient web;
    @Autowired
    private MutableClock clock;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private UploadedCalendars uploads;

    private KafkaProbe probe;

    @Test
    void warnsFromTheFirstOfDecemberAndCountsWithAnUploadedYearAtOnce() {
        CalendarStatus november = status();
        assertThat(november.years()).extracting(CalendarStatus.Year::year, CalendarStatus.Year::source)
                .contains(org.assertj.core.groups.Tuple.tuple(2026, "SHIPPED"));
        assertThat(november.nextYear()).isEqualTo(2027);
        assertThat(november.nextYearMissing()).isFalse();

        clock.setInstant(NEW_YEARS_EVE);
        assertThat(status().nextYearMissing()).isTrue();
        assertThat(meters.get("closedloop.calendar.next.year.missing").gauge().value()).isEqualTo(1.0);
        TicketAssigned assigned = serviceAttitudeTicket();
        probe.publish(assigned);
        ClockView firstContact = awaitClock(assigned.complaintId(), ClockKind.FIRST_CONTACT);
        // one working day on plain weeks: Friday 1 January 2027, 10:00, until 2027's calendar comes
        assertThat(firstContact.deadline()).isEqualTo(Instant.parse("2027-01-01T02:00:00Z"));
        assertThat(firstContact.provisional()).isTrue();
        TicketAssigned contacted = serviceAttitudeTicket();
        probe.publish(contacted);
        probe.publish(new TicketAccepted(UUID.randomUUID(), NEW_YEARS_EVE, contacted.complaintId(),
                contacted.ticketId(), "LIXIA-01", "li.ming"));
        probe.publish(new FirstContactRecorded(UUID.randomUUID(), NEW_YEARS_EVE, contacted.complaintId(),
                contacted.ticketId(), "LIXIA-01", NEW_YEARS_EVE, ContactMethod.PHONE, "Apologised", "li.ming"));
        // three working days on plain weeks: Tuesday 5 January 2027, 10:00
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(awaitClock(contacted.complaintId(),
                ClockKind.FIRST_CONTACT).state()).isEqualTo(ClockState.STOPPED));
        assertThat(awaitClock(contacted.complaintId(), ClockKind.RESOLVE).deadline())
                .isEqualTo(Instant.parse("2027-01-05T02:00:00Z"));

        CalendarStatus uploaded = web.put().uri("/api/v1/admin/calendars/CN/2027")
                .headers(TestIssuer.as("admin.wu"))
                .bodyValue(TEST_2027)
                .exchange()
                .expectStatus().isOk()
                .expectBody(CalendarStatus.class).returnResult().getResponseBody();

        assertThat(uploaded.nextYearHeld()).isTrue();
        assertThat(uploaded.nextYearMissing()).isFalse();
        assertThat(uploaded.years()).contains(new CalendarStatus.Year(2027, "UPLOADED", 1, clock.instant(),
                "admin.wu"));
        assertThat(meters.get("closedloop.calendar.next.year.missing").gauge().value()).isEqualTo(0.0);
        TicketAssigned afterUpload = serviceAttitudeTicket();
        probe.publish(afterUpload);
        // New Year's Day is off now: Monday 4 January
        ClockView counted = awaitClock(afterUpload.complaintId(), ClockKind.FIRST_CONTACT);
        assertThat(counted.deadline()).isEqualTo(Instant.parse("2027-01-04T02:00:00Z"));
        assertThat(counted.provisional()).isFalse();

        // signed for and contacted, the ticket had only its resolve clock running, due in 2027: recounted at once
        DeadlineMoved resolve = probe.awaitEvent(DeadlineMoved.class,
                moved -> moved.complaintId().equals(contacted.complaintId()));
        assertThat(resolve.clock()).isEqualTo(ClockKind.RESOLVE);
        assertThat(resolve.previousDeadline()).isEqualTo(Instant.parse("2027-01-05T02:00:00Z"));
        assertThat(resolve.deadline()).isEqualTo(Instant.parse("2027-01-06T02:00:00Z"));
        assertThat(resolve.calendar()).isEqualTo("CN-2027-v1");
        // the first ticket falls due (its sign-for warning) before 2027: it shows provisional until recounted then
        assertThat(awaitClock(assigned.complaintId(), ClockKind.FIRST_CONTACT).provisional()).isTrue();
        clock.add(Duration.ofMinutes(91));
        DeadlineMoved firstContactMoved = probe.awaitEvent(DeadlineMoved.class,
                moved -> moved.complaintId().equals(assigned.complaintId()) && moved.clock() == ClockKind.FIRST_CONTACT);
        assertThat(firstContactMoved.deadline()).isEqualTo(Instant.parse("2027-01-04T02:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(awaitClock(assigned.complaintId(),
                ClockKind.FIRST_CONTACT)).extracting(ClockView::deadline, ClockView::provisional)
                .containsExactly(Instant.parse("2027-01-04T02:00:00Z"), false));

        CalendarStatus again = web.put().uri("/api/v1/admin/calendars/CN/2027")
                .bodyValue(TEST_2027)
                .exchange()
                .expectStatus().isOk()
                .expectBody(CalendarStatus.class).returnResult().getResponseBody();
        assertThat(again.years()).filteredOn(year -> year.year() == 2027).extracting(CalendarStatus.Year::version)
                .containsExactly(2);
        assertThat(uploads.findByRegion("CN").collectList().block()).extracting(UploadedCalendar::version)
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void refusesABadYearWholeNamingEachBadEntry() {
        long stored = uploads.count().block();

        web.put().uri("/api/v1/admin/calendars/CN/2028")
                .bodyValue(Map.of("year", 2028, "zone", "Asia/Shanghai",
                        "holidays", List.of("2028-01-01", "2027-12-31", "Spring Festival"),
                        "workingWeekends", List.of("2028-01-03"),
                        "workingHours", List.of(Map.of("from", "09:00", "to", "12:00"),
                                Map.of("from", "13:30", "to", "18:00"))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactly("holidays[1]", "holidays[2]", "workingWeekends[0]"));

        assertThat(uploads.count().block()).isEqualTo(stored);
        assertThat(status().years()).extracting(CalendarStatus.Year::year).doesNotContain(2028);
    }

    private CalendarStatus status() {
        return web.get().uri("/api/v1/calendars").exchange()
                .expectStatus().isOk()
                .expectBody(CalendarStatus.class).returnResult().getResponseBody();
    }

    private ClockView awaitClock(String complaintId, ClockKind kind) {
        ClockView[] found = new ClockView[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            CaseClocksView view = web.get().uri("/api/v1/clocks/{id}", complaintId).exchange()
                    .expectStatus().isOk()
                    .expectBody(CaseClocksView.class).returnResult().getResponseBody();
            found[0] = view.clocks().stream().filter(clock -> clock.kind() == kind).findFirst().orElseThrow();
        });
        return found[0];
    }

    private TicketAssigned serviceAttitudeTicket() {
        Instant now = clock.instant();
        return new TicketAssigned(UUID.randomUUID(), now, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "LIXIA-01", Category.SERVICE_ATTITUDE, Priority.NORMAL, null, AssignmentReason.ROUTED,
                Channel.HOTLINE, now);
    }
}
