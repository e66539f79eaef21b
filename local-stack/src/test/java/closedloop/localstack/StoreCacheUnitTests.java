package closedloop.localstack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCacheUnitTests {

    private static final long MIB = 1024 * 1024;

    @Test
    void theStoreCachesASixteenthOfTheHeapUpToItsCapUnlessTheEnvironmentSaysHowMuch() {
        assertThat(DurableMongoServer.cacheMegabytes(Map.of(), 1024 * MIB)).isEqualTo(64);
        assertThat(DurableMongoServer.cacheMegabytes(Map.of(), 2048 * MIB)).isEqualTo(128);
        assertThat(DurableMongoServer.cacheMegabytes(Map.of(), 8192 * MIB))
                .isEqualTo(DurableMongoServer.MAX_DEFAULT_CACHE_MB);
        assertThat(DurableMongoServer.cacheMegabytes(Map.of("CLOSEDLOOP_STORE_CACHE_MB", " 512 "), 2048 * MIB))
                .isEqualTo(512);
    }

    @Test
    void aSmallHeapStillGetsH2sOwnDefault() {
        assertThat(DurableMongoServer.cacheMegabytes(Map.of(), 32 * MIB)).isEqualTo(16);
    }
}
