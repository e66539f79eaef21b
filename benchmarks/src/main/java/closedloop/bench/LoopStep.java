package closedloop.bench;

import closedloop.bench.GatlingRun.Answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures of one step of the ramp (or of the soak): what was offered and achieved, how long the agent waited,
 * how long until the ticket was at the branch and the acknowledgement sent, and what the loop left undone and used.
 *
 * @param offered          arrivals per second asked of the load
 * @param seconds          how long the arrivals lasted
 * @param achieved         created complaints per second over the step
 * @param post             POST latency (ms) of the created complaints
 * @param errors           answers other than 201, or none
 * @param toTicket         POST sent to TicketAssigned recorded (ms), of the complaints whose ticket came
 * @param toAcknowledgement POST sent to the registration acknowledgement's MessageSent (ms)
 * @param withoutTicket    created complaints with no ticket when the drain ended
 * @param lagAtEnd         consumer lag when the arrivals ended
 * @param backlogAtEnd     documents with unpublished events when the arrivals ended
 * @param drainSeconds     from the end of the arrivals until every ticket came and lag and backlog were 0; -1 when the
 *                         drain limit passed first
 * @param cpuCores         CPU time of the stack's processes over the step divided by its wall time
 * @param heapMegabytes    heap in use in the stack's JVMs at the end of the step
 * @param storeWrites      the store's inserts, updates and deletes per created complaint
 * @param kafkaRecords     records on the loop's topics per created complaint
 * @param storeOperations  the store's operations per created complaint, by collection and kind ({@code top})
 * @param cpuWallSeconds   the wall time over which {@code cpuCores} was measured: the arrivals and the drain
 */
record LoopStep(double offered, int seconds, double achieved, Percentiles post, long errors, Percentiles toTicket,
                Percentiles toAcknowledgement, long withoutTicket, long lagAtEnd, long backlogAtEnd,
                double drainSeconds, double cpuCores, double heapMegabytes, double storeWrites,
                double kafkaRecords, Map<String, Map<String, Double>> storeOperations, double cpuWallSeconds) {

    /** Per created complaint: what {@code top} counted after the step less what it counted before. */
    static Map<String, Map<String, Double>> perComplaint(Map<String, Map<String, Long>> before,
                                                         Map<String, Map<String, Long>> after, long complaints) {
        Map<String, Map<String, Double>> per = new java.util.TreeMap<>();
        after.forEach((collection, kinds) -> {
            Map<String, Double> counts = new java.util.LinkedHashMap<>();
            kinds.forEach((kind, count) -> counts.put(kind, complaints == 0 ? 0
                    : (count - before.getOrDefault(collection, Map.of()).getOrDefault(kind, 0L)) / (double) complaints));
            if (counts.values().stream().anyMatch(value -> value > 0)) {
                per.put(collection, counts);
            }
        });
        return per;
    }

    /** The goal per step: POST p99 ≤ 50 ms, POST→ticket p99 ≤ 250 ms, no error, drained (no growing backlog). */
    static final long POST_P99_GOAL_MS = 50;
    static final long TICKET_P99_GOAL_MS = 250;
    /** A step whose backlog takes longer than this to drain after its arrivals end was not keeping up. */
    static final double KEEPING_UP_DRAIN_SECONDS = 10;

    /** CPU time of the stack per created complaint, in ms (the step's wall time includes its drain). */
    double cpuMillisPerComplaint() {
        return achieved <= 0 ? 0 : cpuCores * cpuWallSeconds * 1000 / (achieved * seconds);
    }

    boolean sustainable() {
        return keptUp() && post.p99() <= POST_P99_GOAL_MS && toTicket.p99() <= TICKET_P99_GOAL_MS;
    }

    /** Every complaint created and carried to its ticket, and the backlog drained soon after: not falling behind. */
    boolean keptUp() {
        return post.count() > 0 && toTicket.count() > 0 && errors == 0 && withoutTicket == 0 && drainSeconds >= 0
                && drainSeconds <= KEEPING_UP_DRAIN_SECONDS;
    }

    /** Far past what it can take: errors, or a backlog that did not drain: no point in offering more. */
    boolean saturated() {
        return drainSeconds < 0 || errors > Math.max(10, post.count() / 100);
    }

    /** POST latencies of the created complaints, and how many answers were not 201. */
    static Percentiles postLatencies(List<Answer> answers) {
        return Percentiles.of(answers.stream().filter(Answer::created).map(Answer::latencyMillis).toList());
    }

    static long errors(List<Answer> answers) {
        return answers.stream().filter(answer -> !answer.created()).count();
    }

    /**
     * From each created complaint's POST to when the probe saw what followed (its ticket, its acknowledgement), in
     * ms; the complaints where it has not been seen are left out.
     *
     * @param seenAt when it was seen (epoch millis) by complaint id, or null
     */
    static Percentiles since(List<Answer> answers, Function<String, Long> seenAt) {
        List<Long> millis = new ArrayList<>();
        for (Answer answer : answers) {
            Long at = answer.created() ? seenAt.apply(answer.complaintId()) : null;
            if (at != null) {
                millis.add(Math.max(0, at - answer.sentAt()));
            }
        }
        return Percentiles.of(millis);
    }

    /** The created complaints where it has not been seen. */
    static long notSeen(List<Answer> answers, Function<String, Long> seenAt) {
        return answers.stream().filter(Answer::created).filter(answer -> seenAt.apply(answer.complaintId()) == null)
                .count();
    }
}
