package closedloop.escalation.calendar;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One stretch of working time within a working day, local wall-clock time, {@code from} inclusive to {@code to}. */
public record WorkingPeriod(LocalTime from, LocalTime to) {

    /** Refuses a missing bound or a period that does not end after it starts. */
    public WorkingPeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a working period needs both 'from' and 'to'");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("working period " + from + "-" + to + " does not end after it starts");
        }
    }

    /** The periods of one working day in order; refuses none at all and periods that overlap. */
    static List<WorkingPeriod> day(List<WorkingPeriod> periods) {
        if (periods == null || periods.isEmpty()) {
            throw new IllegalArgumentException("a working day needs at least one working period");
        }
        List<WorkingPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(WorkingPeriod::from));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
                throw new IllegalArgumentException("working periods " + sorted.get(i - 1) + " and " + sorted.get(i)
                        + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
