package closedloop.contracts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Something the agent promised the customer, e.g. "refund twice the overcharge": its kind, the sum of money a refund
 * is about (yuan), and the date if one was given (else the kind's default applies). A promise recorded before kinds
 * existed is OTHER.
 */
public record Promise(String text, Instant dueAt, PromiseKind kind, BigDecimal amount) {

    public Promise {
        kind = kind == null ? PromiseKind.OTHER : kind;
    }

    /** A promise of no particular kind. */
    public Promise(String text, Instant dueAt) {
        this(text, dueAt, PromiseKind.OTHER, null);
    }
}
