package closedloop.escalation.sla;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The SLA cases of the partitions this instance owns, in memory, ordered by when something of theirs falls due
 * (docs/architecture.md §9.6). An entry holds only the complaint id (two longs for a UUID), its partition and its due instant in
 * epoch milliseconds — about 130 bytes with its index and order nodes, so a million fit in well under 1 GiB.
 * <p>
 * <b>Invariant:</b> an entry may be earlier than its case's real {@code nextDueAt} (harmless: the case is loaded,
 * re-evaluated and rescheduled), never later, and a case with something due is never missing from the board of the
 * instance that owns its partition. Everything that moves a case's {@code nextDueAt} earlier therefore runs on the
 * owner and reschedules it there: the listener (which consumes the partition) and the firing loop. HTTP approvals may
 * run on any instance and leave the board alone, since an extension only moves deadlines later. Entries of partitions
 * this instance does not own are ignored, so a firing that finishes after its partition was revoked adds nothing.
 * <p>
 * Thread-safe: every method holds the board's lock for a short, bounded time.
 */
public class ClockBoard {

    private final Map<Entry, Entry> byCase = new HashMap<>();
    private final TreeSet<Entry> byDue = new TreeSet<>();
    private final Set<Integer> owned = new HashSet<>();

    /** This instance now owns the partition: its cases may be scheduled. */
    public synchronized void own(int partition) {
        owned.add(partition);
    }

    /** The partition went to another instance: its entries are dropped. Emits how many. */
    public synchronized int dropPartition(int partition) {
        owned.remove(partition);
        int before = byCase.size();
        byCase.values().removeIf(entry -> {
            if (entry.partition == partition) {
                byDue.remove(entry);
                return true;
            }
            return false;
        });
        return before - byCase.size();
    }

    /**
     * Schedules the case at {@code dueAt} (epoch millis), replacing its entry; removes it when {@code dueAt} is null.
     * Emits true when the case is now the earliest on the board (the firing loop may want to look sooner).
     */
    public synchronized boolean schedule(String complaintId, int partition, Long dueAt) {
        if (!owned.contains(partition)) {
            return false;
        }
        remove(complaintId);
        if (dueAt == null) {
            return false;
        }
        Entry entry = Entry.of(complaintId, partition, dueAt);
        byCase.put(entry, entry);
        byDue.add(entry);
        return byDue.first() == entry;
    }

    /**
     * Schedules a case as {@link #schedule} does, but when someone scheduled it meanwhile (from a newer or older state)
     * the earlier of the two instants stays, which is never later than the case's real next due instant: for a case
     * after a firing that took it off the board, and for one read by a partition's load, which may be slower than the
     * listener and the firing loop.
     */
    public synchronized boolean scheduleKeepingEarlier(String complaintId, int partition, Long dueAt) {
        Entry present = byCase.get(Entry.of(complaintId, partition, 0));
        if (present != null && (dueAt == null || present.dueAt <= dueAt)) {
            return false;
        }
        return schedule(complaintId, partition, dueAt);
    }

    /**
     * Brings every case due at or after {@code from} forward to {@code now} (epoch millis), so that the firing loop
     * looks at each of them soon (after what was due already); an earlier entry is harmless (see above). Emits how
     * many.
     */
    public synchronized int bringForward(long from, long now) {
        Entry first = new Entry(Long.MIN_VALUE, Long.MIN_VALUE, null, 0, from);
        List<Entry> later = new ArrayList<>(byDue.tailSet(first, true));
        for (Entry entry : later) {
            byDue.remove(entry);
            byCase.remove(entry);
            Entry earlier = Entry.of(entry.complaintId(), entry.partition, Math.min(now, entry.dueAt));
            byCase.put(earlier, earlier);
            byDue.add(earlier);
        }
        return later.size();
    }

    /** Takes the case off the board. */
    public synchronized void remove(String complaintId) {
        Entry present = byCase.remove(Entry.of(complaintId, 0, 0));
        if (present != null) {
            byDue.remove(present);
        }
    }

    /** Takes off the board, earliest first, at most {@code max} cases due at or before {@code now} (epoch millis). */
    public synchronized List<Due> takeDue(long now, int max) {
        List<Due> due = new ArrayList<>();
        while (due.size() < max && !byDue.isEmpty() && byDue.first().dueAt <= now) {
            Entry entry = byDue.pollFirst();
            byCase.remove(entry);
            due.add(new Due(entry.complaintId(), entry.partition, entry.dueAt));
        }
        return due;
    }

    /** When the earliest case falls due (epoch millis), or null when the board is empty. */
    public synchronized Long earliest() {
        return byDue.isEmpty() ? null : byDue.first().dueAt;
    }

    /** When this case is scheduled (epoch millis), or null when it is not on the board. */
    public synchronized Long dueAt(String complaintId) {
        Entry present = byCase.get(Entry.of(complaintId, 0, 0));
        return present == null ? null : present.dueAt;
    }

    public synchronized int size() {
        return byCase.size();
    }

    public synchronized Collection<Integer> ownedPartitions() {
        return List.copyOf(owned);
    }

    /**
     * A case taken off the board because it is due.
     *
     * @param dueAt epoch millis
     */
    public record Due(String complaintId, int partition, long dueAt) {
    }

    /**
     * One case on the board; equal by complaint id, ordered by due instant then id. A UUID id is kept as two longs;
     * any other id as its text.
     */
    private static final class Entry implements Comparable<Entry> {

        private final long most;
        private final long least;
        private final String text;
        private final int partition;
        private final long dueAt;

        private Entry(long most, long least, String text, int partition, long dueAt) {
            this.most = most;
            this.least = least;
            this.text = text;
            this.partition = partition;
            this.dueAt = dueAt;
        }

        static Entry of(String complaintId, int partition, long dueAt) {
            UUID uuid = asUuid(complaintId);
            return uuid == null
                    ? new Entry(0, 0, complaintId, partition, dueAt)
                    : new Entry(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits(), null, partition, dueAt);
        }

        private static UUID asUuid(String id) {
            if (id.length() != 36) {
                return null;
            }
            try {
                UUID uuid = UUID.fromString(id);
                return uuid.toString().equals(id) ? uuid : null;
            } catch (IllegalArgumentException notAUuid) {
                return null;
            }
        }

        String complaintId() {
            return text != null ? text : new UUID(most, least).toString();
        }

        @Override
        public int compareTo(Entry other) {
            int byTime = Long.compare(dueAt, other.dueAt);
            if (byTime != 0) {
                return byTime;
            }
            int byMost = Long.compare(most, other.most);
            if (byMost != 0) {
                return byMost;
            }
            int byLeast = Long.compare(least, other.least);
            if (byLeast != 0) {
                return byLeast;
            }
            return text == null ? (other.text == null ? 0 : -1) : (other.text == null ? 1 : text.compareTo(other.text));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry entry && most == entry.most && least == entry.least
                    && Objects.equals(text, entry.text);
        }

        @Override
        public int hashCode() {
            return text != null ? text.hashCode() : Long.hashCode(most * 31 + least);
        }
    }
}
