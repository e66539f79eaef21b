package closedloop.notification.callback;

import closedloop.contracts.CallbackSurveyLocked;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.notification.callback.SurveyLockout.WrongCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static closedloop.notification.callback.CallbackUnitTests.CONTACT;
import static closedloop.notification.callback.CallbackUnitTests.NOW;
import static closedloop.notification.callback.CallbackUnitTests.RESOLVED;
import static closedloop.notification.callback.CallbackUnitTests.RULES;
import static org.assertj.core.api.Assertions.assertThat;

/** Counting wrong reply codes per phone, the lock they cause, and how both end. */
class SurveyLockoutUnitTests {

    static final SurveyLockoutProperties LOCKOUT = new SurveyLockoutProperties(5, Duration.ofHours(1),
            Duration.ofHours(1));
    static final String PHONE = "13800138000";

    final SurveyLockout lockout = SurveyLockout.none(PHONE);

    @Test
    void locksOnTheFifthWrongCodeWithinAnHourForAnHour() {
        for (int minute = 0; minute < 4; minute++) {
            assertThat(lockout.wrongCode(NOW.plus(Duration.ofMinutes(minute)), LOCKOUT)).isEqualTo(WrongCode.COUNTED);
        }
        assertThat(lockout.lockInForceAt(NOW.plus(Duration.ofMinutes(4)))).isEmpty();
        Instant fifth = NOW.plus(Duration.ofMinutes(59));

        assertThat(lockout.wrongCode(fifth, LOCKOUT)).isEqualTo(WrongCode.LOCKED);

        assertThat(lockout.lockedAt()).isEqualTo(fifth);
        assertThat(lockout.lockInForceAt(fifth)).contains(fifth.plus(Duration.ofHours(1)));
        assertThat(lockout.lockInForceAt(fifth.plus(Duration.ofHours(1)).minusMillis(1))).isPresent();
        assertThat(lockout.lockInForceAt(fifth.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(lockout.wrongCodesAt()).isEmpty();
        assertThat(lockout.expiresAt()).isEqualTo(fifth.plus(Duration.ofHours(1)));
    }

    @Test
    void forgetsTheWrongCodesThatLeftTheHour() {
        for (int minute = 0; minute < 4; minute++) {
            lockout.wrongCode(NOW.plus(Duration.ofMinutes(minute)), LOCKOUT);
        }

        assertThat(lockout.wrongCode(NOW.plus(Duration.ofMinutes(60)), LOCKOUT)).isEqualTo(WrongCode.COUNTED);

        assertThat(lockout.wrongCodesAt()).hasSize(4).doesNotContain(NOW);
        assertThat(lockout.lockedAt()).isNull();
        assertThat(lockout.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(120)));
        assertThat(lockout.wrongCode(NOW.plus(Duration.ofMinutes(61)), LOCKOUT)).isEqualTo(WrongCode.COUNTED);
        assertThat(lockout.wrongCodesAt()).hasSize(4);
        assertThat(lockout.wrongCode(NOW.plus(Duration.ofMinutes(61)), LOCKOUT)).isEqualTo(WrongCode.LOCKED);
    }

    @Test
    void countsNothingWhileLockedAndStartsAfreshOnceTheLockEnds() {
        for (int code = 0; code < 5; code++) {
            lockout.wrongCode(NOW, LOCKOUT);
        }

        assertThat(lockout.wrongCode(NOW.plus(Duration.ofMinutes(30)), LOCKOUT)).isEqualTo(WrongCode.ALREADY_LOCKED);
        assertThat(lockout.wrongCodesAt()).isEmpty();
        Instant after = NOW.plus(Duration.ofHours(1));
        assertThat(lockout.wrongCode(after, LOCKOUT)).isEqualTo(WrongCode.COUNTED);
        assertThat(lockout.wrongCodesAt()).containsExactly(after);
        assertThat(lockout.lockInForceAt(after)).isEmpty();
    }

    @Test
    void tellsTheLockOnTheTimelineOfEachSurveyAwaitingAReplyFromThePhone() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24), RULES.assignee());
        for (int code = 0; code < 5; code++) {
            lockout.wrongCode(NOW, LOCKOUT);
        }

        lockout.recordLock(List.of(callback), 5, "sms:" + PHONE);

        assertThat(lockout.pendingEvents()).singleElement().satisfies(outgoing -> {
            CallbackSurveyLocked locked = (CallbackSurveyLocked) EventJson.read(EventType.CALLBACK_SURVEY_LOCKED,
                    outgoing.payload());
            assertThat(locked).isEqualTo(new CallbackSurveyLocked(EventIds.derived(callback.id(),
                    "survey-locked/" + NOW), NOW, callback.complaintId(), callback.id(), 5,
                    NOW.plus(Duration.ofHours(1)), "sms:" + PHONE));
            assertThat(locked.summary()).contains("locked until " + NOW.plus(Duration.ofHours(1)));
        });
    }
}
