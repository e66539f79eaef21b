package closedloop.platform.outbox;

/** A collection whose documents carry an outbox; declare one bean per such collection. */
public record OutboxSource(String collection) {
}
