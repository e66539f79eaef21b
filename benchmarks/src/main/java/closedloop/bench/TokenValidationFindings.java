package closedloop.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of {@code ./bench-token-validation} measured, filled in phase by phase and written out by
 * {@link TokenValidationReport}. Every latency is in nanoseconds.
 */
final class TokenValidationFindings {

    final TokenValidationOptions options;
    final Machine machine;
    final Instant startedAt;
    /** /proc/loadavg when the run started and when it ended: the machine may be shared. */
    String loadBefore = "unknown";
    String loadAfter = "unknown";
    /** Which MongoDB the service wrote to ({@link BenchmarkStore#describe}). */
    String store = "";
    /** The length of the agent's access token, in characters (= bytes of the header value after "Bearer "). */
    int tokenChars;
    /** The body of each POST, in bytes. */
    int bodyBytes;
    /** The password grant at the issuer, once. */
    long tokenRequestNanos = -1;
    /**
     * The first POSTs with the token after complaint-intake started, one per client sent at once (until the last
     * answer), and the JWKS fetches before and after them.
     */
    long firstPostNanos = -1;
    long jwksBeforeFirstPost = -1;
    long jwksAfterFirstPost = -1;
    /** The first validation in the benchmark JVM (which fetches the JWKS), and the fetches it caused. */
    long firstDecodeNanos = -1;
    long firstDecodeJwks = -1;
    /** Token validation alone in the benchmark JVM, one after another, by the token validated. */
    final Map<Credential, Validation> alone = new EnumMap<>(Credential.class);
    /** POST /api/v1/complaints in a closed loop, by what the requests carried. */
    final Map<Credential, Load> closed = new EnumMap<>(Credential.class);
    /** The same at a fixed rate (open loop), and that rate in requests per second. */
    final Map<Credential, Load> open = new EnumMap<>(Credential.class);
    int openRate;
    /** complaint-intake's CPU per second of wall time while nobody called it (-1: unknown). */
    long idleCpuPerSecond = -1;
    /** The raw baselines, one call at a time: a send of a record like ComplaintRegistered, the store's three calls. */
    Percentiles rawSend;
    Percentiles rawRepeatQuery;
    Percentiles rawCounter;
    Percentiles rawInsert;
    /** The complaints in the store when the raw baselines ran (the repeat check's query reads them all there). */
    long complaintsStored = -1;
    int recordBytes;
    int documentBytes;
    /** Anything worth knowing. */
    final List<String> notes = new ArrayList<>();

    TokenValidationFindings(TokenValidationOptions options, Machine machine, Instant startedAt) {
        this.options = options;
        this.machine = machine;
        this.startedAt = startedAt;
    }

    /**
     * Validations of one token in the benchmark JVM.
     *
     * @param nanos       the time of each
     * @param jwksFetches how many times the issuer served its JWKS meanwhile
     */
    record Validation(Percentiles nanos, long jwksFetches) {
    }

    /**
     * One load on complaint-intake.
     *
     * @param nanos       latency of the expected answers to the requests sent in the measured time
     * @param perSecond   those answers per second of measured time
     * @param requests    every request of the load, warm-up included
     * @param failures    answers other than the expected one (or none), warm-up included
     * @param cpuNanos    CPU time complaint-intake's JVM used during the load, warm-up included (-1: unknown)
     * @param jwksFetches how many times the issuer served its JWKS during the load
     */
    record Load(Percentiles nanos, double perSecond, long requests, long failures, long cpuNanos, long jwksFetches) {

        /** complaint-intake's CPU per request, in nanoseconds (-1: unknown). */
        long cpuPerRequest() {
            return cpuNanos < 0 || requests == 0 ? -1 : cpuNanos / requests;
        }
    }
}
