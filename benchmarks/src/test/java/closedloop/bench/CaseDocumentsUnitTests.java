package closedloop.bench;

import closedloop.escalation.sla.SlaCase;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaseDocumentsUnitTests {

    private final CaseDocuments documents = new CaseDocuments(3);

    @Test
    void buildsACaseThatFiresItsSignForWarningWithTheExpectedIdWhenDue() {
        long due = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();
        CaseDocuments.Built built = documents.awaitingSignFor(CaseDocuments.sortedIds(1, 0xf, 0xf).get(0), due);
        SlaCase slaCase = documents.read(built.document());

        assertThat(slaCase.nextDueAt()).isEqualTo(Instant.ofEpochMilli(due));
        assertThat(slaCase.pendingEvents()).isEmpty();
        assertThat(slaCase.fire(Instant.ofEpochMilli(due - 1))).isFalse();
        assertThat(slaCase.fire(Instant.ofEpochMilli(due))).isTrue();
        assertThat(slaCase.pendingEvents()).extracting(OutgoingEvent::eventId)
                .containsExactly(CaseDocuments.warningId(built.ticketId()));
    }

    @Test
    void holdsACaseUntilItsResolveWarningOnThePartitionKafkaPicksForTheComplaint() {
        long due = Instant.parse("2026-11-23T20:00:00Z").toEpochMilli();
        CaseDocuments.Built built = documents.heldForResolution(CaseDocuments.sortedIds(1, 0, 0xd).get(0), due);

        assertThat(built.dueAt()).isEqualTo(due);
        assertThat(built.partition()).isEqualTo(
                BuiltInPartitioner.partitionForKey(built.complaintId().getBytes(StandardCharsets.UTF_8), 3));
        assertThat(built.document().getList("outbox", Object.class)).isEmpty();
        assertThat(built.document()).doesNotContainKey("outboxSince").containsEntry("version", 0L);
    }

    @Test
    void makesRandomIdsInAscendingOrderWithinTheirRange() {
        List<String> ids = CaseDocuments.sortedIds(1_000, 0xe, 0xe);

        assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id.startsWith("e") && id.length() == 36);
    }
}
