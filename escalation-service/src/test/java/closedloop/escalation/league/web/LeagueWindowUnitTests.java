package closedloop.escalation.league.web;

import closedloop.escalation.league.LeagueProperties;
import closedloop.platform.web.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The window of a league table: defaults, and a 400 that names each bad parameter. */
class LeagueWindowUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    private static final LeagueProperties DEFAULTS = new LeagueProperties(null, null, null);

    @Test
    void coversTheLastThirtyDaysWhenNeitherEndIsGiven() {
        assertThat(LeagueWindow.of(null, null, NOW, DEFAULTS))
                .isEqualTo(new LeagueWindow(NOW.minus(Duration.ofDays(30)), NOW));
    }

    @Test
    void endsNowOrStartsThirtyDaysBeforeTheGivenEnd() {
        assertThat(LeagueWindow.of("2026-11-01T00:00:00Z", null, NOW, DEFAULTS))
                .isEqualTo(new LeagueWindow(Instant.parse("2026-11-01T00:00:00Z"), NOW));
        assertThat(LeagueWindow.of(null, "2026-11-01T00:00:00Z", NOW, DEFAULTS))
                .isEqualTo(new LeagueWindow(Instant.parse("2026-10-02T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")));
    }

    @Test
    void namesEveryParameterThatIsNoInstant() {
        assertThat(errors("yesterday", "2026-13-01")).extracting(FieldError::field).containsExactly("to", "from");
        assertThat(errors("", null)).extracting(FieldError::field).containsExactly("from");
    }

    @Test
    void refusesAWindowThatDoesNotStartBeforeItEnds() {
        assertThat(errors("2026-11-02T00:00:00Z", "2026-11-02T00:00:00Z"))
                .containsExactly(new FieldError("from", "must be before to (2026-11-02T00:00:00Z)"));
        assertThat(errors("2026-11-03T00:00:00Z", "2026-11-02T00:00:00Z")).extracting(FieldError::field)
                .containsExactly("from");
    }

    @Test
    void refusesAWindowLongerThanTheMaximum() {
        assertThat(errors("2025-01-01T00:00:00Z", "2026-11-01T00:00:00Z")).extracting(FieldError::message)
                .containsExactly("must be at most PT8784H before to (2026-11-01T00:00:00Z)");
        assertThat(LeagueWindow.of("2025-11-01T00:00:00Z", "2026-11-01T00:00:00Z", NOW, DEFAULTS).from())
                .isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(String from, String to) {
        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> LeagueWindow.of(from, to, NOW, DEFAULTS));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return (List<FieldError>) refused.getBody().getProperties().get("errors");
    }
}
