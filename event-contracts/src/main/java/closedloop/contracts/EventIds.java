package closedloop.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: an event caused by another event gets a name-based UUID of the cause's id
 * and the action, so reprocessing after a crash emits the same id and downstream ignores the repeat.
 */
public final class EventIds {

    private EventIds() {
    }

    public static UUID derived(UUID cause, String action) {
        return derived(cause.toString(), action);
    }

    public static UUID derived(String cause, String action) {
        return UUID.nameUUIDFromBytes((cause + "/" + action).getBytes(StandardCharsets.UTF_8));
    }
}
