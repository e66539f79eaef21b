package closedloop.localstack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCacheUnitTests {

    private static final long TWO_GIB = 2L * 1024 * 1024 * 1024;

    @Test
    void theStoreCachesAQuarterOfTheHeapUnlessTheEnvironmentSaysHowMuch() {
        assertThat(DurableMongoServer.cacheMegabytes(Map.of(), TWO_GIB)).isEqualTo(512);
        assertThat(DurableMongoServer.cacheMegabytes(Map.of("CLOSEDLOOP_STORE_CACHE_MB", " 64 "), TWO_GIB))
                .isEqualTo(64);
    }

    @Test
    void aSmallHeapStillGetsH2sOwnDefault() {
        assertThat(DurableMongoServer.cacheMegabytes(Map.of(), 32L * 1024 * 1024)).isEqualTo(16);
    }
}
