package closedloop.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractsUnitTests {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void writesEachEventExactlyAsItsGoldenJson(EventType type) {
        assertThat(Golden.tree(EventJson.write(GoldenSamples.of(type)))).isEqualTo(Golden.tree(Golden.json(type)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void readsEachGoldenJsonBackToTheSameEvent(EventType type) {
        assertThat(Golden.event(type)).isEqualTo(GoldenSamples.of(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void namesWhoDidItExactlyForTheEventsAPersonCaused(EventType type) throws ReflectiveOperationException {
        ClosedLoopEvent golden = Golden.event(type);
        java.util.Optional<java.lang.reflect.RecordComponent> actor = Arrays.stream(type.recordType().getRecordComponents())
                .filter(component -> component.getName().equals("actor"))
                .findFirst();

        if (actor.isPresent()) {
            assertThat(golden.actor()).as("actor of %s", type.id()).isNotNull()
                    .isEqualTo(actor.get().getAccessor().invoke(golden));
        } else {
            assertThat(golden.actor()).as("actor of %s", type.id()).isNull();
        }
        assertThat(Golden.tree(EventJson.write(golden)).has("actor")).isEqualTo(actor.isPresent());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void makesEveryRouterEventAndEverySlaEventThatNamesATicketATicketEvent(EventType type) {
        boolean namesATicket = Arrays.stream(type.recordType().getRecordComponents())
                .anyMatch(component -> component.getName().equals("ticketId"));
        boolean aboutATicket = type.topic().equals(Topics.ROUTER_TICKET)
                || type.topic().equals(Topics.ESCALATION_SLA) && namesATicket;

        assertThat(TicketEvent.class.isAssignableFrom(type.recordType())).as("%s is a ticket event", type.id())
                .isEqualTo(aboutATicket);
        if (aboutATicket) {
            assertThat(((TicketEvent) Golden.event(type)).ticketId()).isEqualTo(Golden.TICKET_ID);
        }
    }

    @Test
    void writesInstantsAsIsoText() {
        var deadline = Golden.tree(EventJson.write(GoldenSamples.of(EventType.CLOCK_STARTED))).get("deadline");
        assertThat(deadline.isTextual()).isTrue();
        assertThat(deadline.asText()).isEqualTo("2026-11-23T02:30:00Z");
    }

    @Test
    void ignoresFieldsAddedByANewerProducer() {
        String newer = Golden.json(EventType.TICKET_ACCEPTED).replaceFirst("\\{", "{\"shift\":\"night\",");
        assertThat(EventJson.read(EventType.TICKET_ACCEPTED, newer)).isEqualTo(Golden.event(EventType.TICKET_ACCEPTED));
    }

    @Test
    void readsABodyWrittenBeforeTheAdditiveFieldsWithTheirDefaults() {
        String before = """
                {"eventId":"7ba0560f-9635-3161-afdf-5a219a788200","occurredAt":"2026-11-22T02:30:00Z",
                 "complaintId":"c-1","number":"TS-20261122-000123","channel":"HOTLINE","category":"BILLING",
                 "priority":"NORMAL","customer":{"name":"Wang Fang","phone":"13800138000"},"district":"Lixia",
                 "description":"Charged twice","actor":"agent-017"}""";
        ComplaintRegistered registered = (ComplaintRegistered) EventJson.read(EventType.COMPLAINT_REGISTERED, before);
        assertThat(registered.repeat()).isFalse();
        assertThat(registered.repeatOf()).isEmpty();
        assertThat(registered.promises()).isEmpty();
        assertThat(registered.customer().vip()).isFalse();

        String assigned = Golden.json(EventType.TICKET_ASSIGNED).replace(",\n  \"reason\" : \"ROUTED\"", "");
        assertThat(assigned).doesNotContain("reason");
        assertThat(((TicketAssigned) EventJson.read(EventType.TICKET_ASSIGNED, assigned)).reason())
                .isEqualTo(AssignmentReason.ROUTED);
    }

    @Test
    void rejectsABodyThatDoesNotFitItsType() {
        assertThatThrownBy(() -> EventJson.read(EventType.TICKET_ACCEPTED, "{\"occurredAt\":\"yesterday\"}"))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void givesEveryTypeAUniqueVersionedIdOnItsProducersTopic() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::id).distinct()).hasSize(EventType.values().length);
        assertThat(EventType.values()).allSatisfy(type -> {
            assertThat(type.id()).matches("closedloop\\.[a-z]+\\.[a-z-]+\\.v\\d+");
            assertThat(Topics.ALL).contains(type.topic());
        });
        assertThat(EventType.byId("closedloop.ticket.teleported.v9")).isEmpty();
    }

    @Test
    void derivesTheSameIdForTheSameCauseAndAction() {
        UUID cause = UUID.randomUUID();
        assertThat(EventIds.derived(cause, "route")).isEqualTo(EventIds.derived(cause, "route"))
                .isNotEqualTo(EventIds.derived(cause, "escalate"));
    }
}
