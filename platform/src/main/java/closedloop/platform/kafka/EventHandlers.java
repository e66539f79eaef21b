package closedloop.platform.kafka;

import closedloop.contracts.ClosedLoopEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One handler per event type a listener acts on; an event of any other type is not its business and completes at
 * once. Built once, in the listener's constructor:
 * <pre>{@code
 * super(receiver, EventHandlers.of(ComplaintRegistered.class, tickets::route)
 *         .and(ComplaintReopened.class, tickets::reopen), Topics.INTAKE_COMPLAINT);
 * }</pre>
 */
public final class EventHandlers implements EventHandler {

    private final Map<Class<?>, Function<ClosedLoopEvent, Mono<?>>> byType = new LinkedHashMap<>();

    private EventHandlers() {
    }

    /** Handlers whose first one handles events of the given type. */
    public static <E extends ClosedLoopEvent> EventHandlers of(Class<E> type, Function<? super E, ? extends Mono<?>> handler) {
        return new EventHandlers().and(type, handler);
    }

    /** Adds the handler of another event type. */
    public <E extends ClosedLoopEvent> EventHandlers and(Class<E> type, Function<? super E, ? extends Mono<?>> handler) {
        byType.put(type, event -> handler.apply(type.cast(event)));
        return this;
    }

    /** Applies the handler of the event's type; the record is not needed. */
    @Override
    public Mono<?> handle(ClosedLoopEvent event, ConsumerRecord<String, String> record) {
        return apply(event);
    }

    /** Applies the handler of the event's type (the first that fits), or completes at once when there is none. */
    public Mono<?> apply(ClosedLoopEvent event) {
        return byType.entrySet().stream()
                .filter(entry -> entry.getKey().isInstance(event))
                .findFirst()
                .<Mono<?>>map(entry -> entry.getValue().apply(event))
                .orElseGet(Mono::empty);
    }
}
