package closedloop.intake.complaint;

/** An {@code Idempotency-Key} came again with a different request body; nothing was done. */
public class IdempotencyKeyReused extends RuntimeException {

    private final String key;

    public IdempotencyKeyReused(String key) {
        super("The Idempotency-Key " + key + " was used before with a different request body");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
