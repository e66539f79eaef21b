package closedloop.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantUnitTests {

    private final IsoInstant.Validator validator = new IsoInstant.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T09:30:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
    void acceptsAnInstantFromTheYear0001To9999(String text) {
        assertThat(validator.isValid(text, null)).isTrue();
        assertThat(IsoInstant.Validator.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "-0001-01-01T00:00:00Z",
            "+1000000000-12-31T23:59:59Z", "2026-11-23 09:30", "2026-13-01T00:00:00Z", ""})
    void refusesTextThatIsNoInstantOrOneOutsideThoseYears(String text) {
        assertThat(validator.isValid(text, null)).isFalse();
        assertThat(IsoInstant.Validator.parse(text)).isNull();
    }
}
