package closedloop.notification.callback;

import closedloop.contracts.CallbackSurveyLocked;
import closedloop.contracts.EventIds;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wrong reply codes of one phone and the lock they put on its survey, stored under the phone's normalized number
 * ({@code _id}, read by key). A reply naming a code that no survey to the phone awaits counts as wrong; the
 * {@link SurveyLockoutProperties#wrongCodes() wrongCodes}-th within {@code within} locks the phone's survey for
 * {@code lockFor}: no reply from that phone is taken, not even with the right code, and counting starts afresh once the
 * lock ends. Locking records {@link CallbackSurveyLocked} for each callback whose survey then awaited a reply from the
 * phone, in the same write, so the lock is on those complaints' timelines.
 *
 * <p>Versioned: concurrent replies from one phone read, count and save under the version, and the loser counts again
 * from a fresh read, so no wrong code is lost and the lock is taken once. {@code expiresAt} is when nothing in the
 * document counts any more (the lock ended and the last wrong code left the window): a TTL index removes it after
 * that; until the removal the document's own times tell that it is over.
 */
@Document("survey-lockouts")
public class SurveyLockout extends OutboxDocument {

    /** What counting one wrong reply code came to. */
    public enum WrongCode {
        /** Counted; the survey stays open to replies. */
        COUNTED,
        /** Counted, and it locked the survey. */
        LOCKED,
        /** Not counted: the survey was locked already (by a concurrent reply). */
        ALREADY_LOCKED
    }

    @Id
    private final String phone;
    /** When the wrong codes that still count came, oldest first. */
    private List<Instant> wrongCodesAt;
    /** When the latest lock was taken; null when it never was. */
    private Instant lockedAt;
    /** Until when the latest lock holds; null when it never was. */
    private Instant lockedUntil;
    @Indexed(name = "expiry", expireAfter = "0s")
    private Instant expiresAt;
    @Version
    private Long version;

    @PersistenceCreator
    SurveyLockout(String phone, List<Instant> wrongCodesAt, Instant lockedAt, Instant lockedUntil, Instant expiresAt,
                  Long version) {
        this.phone = phone;
        this.wrongCodesAt = wrongCodesAt == null ? new ArrayList<>() : new ArrayList<>(wrongCodesAt);
        this.lockedAt = lockedAt;
        this.lockedUntil = lockedUntil;
        this.expiresAt = expiresAt;
        this.version = version;
    }

    /** A phone with no wrong code yet, under its normalized number. */
    static SurveyLockout none(String phone) {
        return new SurveyLockout(phone, List.of(), null, null, null, null);
    }

    /** Until when the phone's survey is locked, when a lock is in force at {@code now}. */
    public Optional<Instant> lockInForceAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /**
     * Counts a wrong reply code that came at {@code now}: forgets those that left the window, and locks the survey
     * when this one makes {@code wrongCodes} within it. The lock's events are recorded apart, with
     * {@link #recordLock(List, int, String)}, once the callbacks it concerns are known.
     */
    WrongCode wrongCode(Instant now, SurveyLockoutProperties rules) {
        if (lockInForceAt(now).isPresent()) {
            return WrongCode.ALREADY_LOCKED;
        }
        Instant windowStart = now.minus(rules.within());
        wrongCodesAt.removeIf(at -> !at.isAfter(windowStart));
        wrongCodesAt.add(now);
        expiresAt = now.plus(rules.within());
        if (wrongCodesAt.size() < rules.wrongCodes()) {
            return WrongCode.COUNTED;
        }
        lockedAt = now;
        lockedUntil = now.plus(rules.lockFor());
        wrongCodesAt.clear();
        expiresAt = lockedUntil.isAfter(expiresAt) ? lockedUntil : expiresAt;
        return WrongCode.LOCKED;
    }

    /**
     * Records on the complaints' timelines that the lock just taken holds the surveys of these callbacks, which
     * awaited a reply from the phone, caused by {@code actor} ({@code sms:<phone>}).
     */
    void recordLock(List<Callback> awaiting, int wrongCodes, String actor) {
        for (Callback callback : awaiting) {
            record(new CallbackSurveyLocked(EventIds.derived(callback.id(), "survey-locked/" + lockedAt), lockedAt,
                    callback.complaintId(), callback.id(), wrongCodes, lockedUntil, actor));
        }
    }

    /** The phone's normalized number. */
    public String phone() {
        return phone;
    }

    /** When the wrong codes that still count came (until they leave the window), oldest first. */
    public List<Instant> wrongCodesAt() {
        return List.copyOf(wrongCodesAt);
    }

    /** When the latest lock was taken; null when none ever was. */
    public Instant lockedAt() {
        return lockedAt;
    }

    /** Until when the latest lock holds (it may be over); null when none ever was. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** From when nothing in the document counts any more; the TTL index removes it after that. */
    public Instant expiresAt() {
        return expiresAt;
    }
}
