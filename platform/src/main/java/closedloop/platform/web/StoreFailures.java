package closedloop.platform.web;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Which failures of a store call mean the store was away (down, unreachable, stopped, electing a primary) rather than
 * that it refused the request: the failures the driver itself treats as retryable, in whatever exception Spring Data
 * wrapped them (Spring's own translation of them, {@link DataAccessResourceFailureException}, included). A request
 * that met one is answered 503 with {@code Retry-After}, not 500: the one rule for it.
 */
final class StoreFailures {

    /** The label the server and the driver put on a write that may succeed when sent again. */
    private static final String RETRYABLE_WRITE = "RetryableWriteError";

    private StoreFailures() {
    }

    /** Whether the failure, or anything in its cause chain, says the store was away. */
    static boolean isStoreAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoConnectionPoolClearedException
                    || cause instanceof MongoServerUnavailableException || cause instanceof MongoNotPrimaryException
                    || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof MongoException mongo && mongo.hasErrorLabel(RETRYABLE_WRITE)) {
                return true;
            }
        }
        return false;
    }
}
