package closedloop.notification.notice;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The last registration acknowledgement one phone was sent, stored under the phone's normalized number ({@code _id},
 * read by key): a registration for the same phone within the interval is not acknowledged by SMS again. Versioned, so
 * that two registrations for one phone handled at the same moment (by two partitions or two instances) cannot both
 * take the window: the loser decides again from a fresh read. {@code expiresAt} is when the window closes; a TTL index
 * removes the document after that, and until the removal its own times tell that it is over.
 */
@Document("acknowledgement-windows")
public class AcknowledgementWindow {

    @Id
    private final String phone;
    /** The registration event whose acknowledgement took the window. */
    private String causeEventId;
    /** The complaint it acknowledged. */
    private String complaintId;
    /** When it was recorded for sending. */
    private Instant acknowledgedAt;
    @Indexed(name = "expiry", expireAfter = "0s")
    private Instant expiresAt;
    @Version
    private Long version;

    @PersistenceCreator
    AcknowledgementWindow(String phone, String causeEventId, String complaintId, Instant acknowledgedAt,
                          Instant expiresAt, Long version) {
        this.phone = phone;
        this.causeEventId = causeEventId;
        this.complaintId = complaintId;
        this.acknowledgedAt = acknowledgedAt;
        this.expiresAt = expiresAt;
        this.version = version;
    }

    /** A phone that was not acknowledged within any interval, under its normalized number. */
    static AcknowledgementWindow none(String phone) {
        return new AcknowledgementWindow(phone, null, null, null, null, null);
    }

    /**
     * Decides whether the registration's acknowledgement goes to the phone at {@code now}: yes when the window is free
     * (none yet, or {@code interval} passed since the last one), and the registration takes it; yes again for the
     * registration that holds it (its event delivered once more); else no, and nothing changes.
     *
     * @return empty when it goes; why not otherwise
     */
    Optional<String> admit(String causeEventId, String complaintId, Instant now, Duration interval) {
        if (causeEventId.equals(this.causeEventId)) {
            return Optional.empty();
        }
        if (acknowledgedAt != null && now.isBefore(acknowledgedAt.plus(interval))) {
            return Optional.of("At most one acknowledgement SMS per phone within " + interval + ": complaint "
                    + this.complaintId + " was acknowledged to the same phone at " + acknowledgedAt);
        }
        this.causeEventId = causeEventId;
        this.complaintId = complaintId;
        this.acknowledgedAt = now;
        this.expiresAt = now.plus(interval);
        return Optional.empty();
    }

    /** The phone's normalized number. */
    public String phone() {
        return phone;
    }

    /** The complaint whose acknowledgement holds the window; null when none did. */
    public String complaintId() {
        return complaintId;
    }

    /** When that acknowledgement was recorded for sending; null when none was. */
    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    /** When the window closes; the TTL index removes the document after that. */
    public Instant expiresAt() {
        return expiresAt;
    }
}
