package closedloop.intake.complaint;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;

/**
 * What a client's {@code Idempotency-Key} stands for: the fingerprint of the request body first sent with it and the
 * complaint that request creates. The key is the {@code _id}, so only one request per key can insert it; real MongoDB
 * removes the record a day after it was made (TTL index), and intake treats an older record as gone.
 *
 * @param key         the client's key
 * @param fingerprint a hash of the request body
 * @param complaintId the id the complaint gets (or got); decided with the record, so that a retry after a crash
 *                    between the two writes creates the same complaint
 * @param createdAt   when the key was first used
 */
@Document(IdempotencyRecord.COLLECTION)
public record IdempotencyRecord(@Id String key, String fingerprint, String complaintId,
                                @Indexed(name = "expiry", expireAfter = "24h") Instant createdAt) {

    public static final String COLLECTION = "idempotency_keys";

    /** How long a key is remembered. */
    public static final Duration LIFETIME = Duration.ofHours(24);

    /** Whether the key is past its lifetime at {@code now} (real MongoDB may not have removed it yet). */
    public boolean expiredAt(Instant now) {
        return !createdAt.plus(LIFETIME).isAfter(now);
    }
}
