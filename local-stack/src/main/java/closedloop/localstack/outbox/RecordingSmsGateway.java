package closedloop.localstack.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for an operator's SMS gateway that keeps every message it accepts, in memory, to show them. Like a real
 * gateway it is idempotent by reference, and it can be switched into an outage to show messages waiting for it.
 */
public final class RecordingSmsGateway {

    private final Clock clock;
    private final Map<String, RecordedSms> byReference = new LinkedHashMap<>();
    private volatile boolean down;

    public RecordingSmsGateway(Clock clock) {
        this.clock = clock;
    }

    /**
     * Accepts a message: records it unless its reference was recorded before, in which case the first one stays.
     *
     * @return the message as recorded
     * @throws GatewayOutageException while the gateway is down; nothing is recorded
     */
    public synchronized RecordedSms accept(SmsRequest request) {
        if (down) {
            throw new GatewayOutageException();
        }
        return byReference.computeIfAbsent(request.reference(), reference -> RecordedSms.of(request, clock.instant()));
    }

    /** The recorded messages, newest first, all of them or those to one phone number. */
    public synchronized List<RecordedSms> messages(Optional<String> to) {
        List<RecordedSms> messages = new ArrayList<>(byReference.values().stream()
                .filter(message -> to.map(message.to()::equals).orElse(true)).toList());
        Collections.reverse(messages);
        return messages;
    }

    /** Starts an outage: from now on every message is refused until {@link #recover()}. */
    public void fail() {
        down = true;
    }

    /** Ends an outage: messages are accepted again. */
    public void recover() {
        down = false;
    }

    public boolean isDown() {
        return down;
    }

    /** The gateway is in an outage and accepts nothing. */
    public static final class GatewayOutageException extends RuntimeException {

        GatewayOutageException() {
            super("The demo SMS gateway is in an outage (DELETE /sms/outage ends it)");
        }
    }
}
