package closedloop.platform.web;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreFailuresUnitTests {

    @Test
    void aClearedConnectionPoolWrappedAsUncategorizedMeansTheStoreWasAway() {
        // what a registration met in the chaos run when the store was killed under it
        MongoConnectionPoolClearedException cleared = new MongoConnectionPoolClearedException(
                new ServerId(new ClusterId(), new ServerAddress("127.0.0.1", 27017)), null);

        assertThat(StoreFailures.isStoreAway(new UncategorizedMongoDbException(cleared.getMessage(), cleared)))
                .isTrue();
    }

    @Test
    void aLostConnectionOrAWriteLabelledRetryableMeansTheStoreWasAway() {
        MongoException retryable = new MongoException(91, "shutdown in progress");
        retryable.addLabel("RetryableWriteError");

        assertThat(StoreFailures.isStoreAway(new RuntimeException(new MongoSocketReadException("reset",
                new ServerAddress())))).isTrue();
        assertThat(StoreFailures.isStoreAway(new UncategorizedMongoDbException("w", retryable))).isTrue();
        assertThat(StoreFailures.isStoreAway(new DataAccessResourceFailureException("timed out"))).isTrue();
    }

    @Test
    void aRefusalIsNot() {
        assertThat(StoreFailures.isStoreAway(new DuplicateKeyException("E11000",
                new MongoException(11000, "duplicate key")))).isFalse();
        assertThat(StoreFailures.isStoreAway(new IllegalStateException("bug"))).isFalse();
    }
}
