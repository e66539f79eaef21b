package closedloop.escalation.league.web;

import closedloop.escalation.league.LeagueProperties;
import closedloop.platform.web.FieldError;
import closedloop.platform.web.IsoInstant;
import closedloop.platform.web.Problems;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The half-open window {@code [from, to)} a league table covers: the tickets dispatched at or after {@code from} and
 * before {@code to}. Either end may be left out: {@code to} defaults to now, {@code from} to the default window
 * (30 days) before {@code to}.
 */
public record LeagueWindow(Instant from, Instant to) {

    /**
     * The window the request's parameters name.
     *
     * @throws ErrorResponseException 400 problem+json naming each bad parameter: not an ISO-8601 instant,
     *                                {@code from} not before {@code to}, or a window longer than the maximum
     */
    public static LeagueWindow of(String from, String to, Instant now, LeagueProperties properties) {
        List<FieldError> errors = new ArrayList<>();
        Instant end = parse("to", to, now, errors);
        Instant start = parse("from", from, end == null ? null : end.minus(properties.defaultWindow()), errors);
        if (errors.isEmpty()) {
            if (!start.isBefore(end)) {
                errors.add(new FieldError("from", "must be before to (" + end + ")"));
            } else if (Duration.between(start, end).compareTo(properties.maxWindow()) > 0) {
                errors.add(new FieldError("from", "must be at most " + properties.maxWindow() + " before to ("
                        + end + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.badRequest(errors);
        }
        return new LeagueWindow(start, end);
    }

    private static Instant parse(String name, String text, Instant fallback, List<FieldError> errors) {
        if (text == null) {
            return fallback;
        }
        Instant parsed = text.isBlank() ? null : IsoInstant.Validator.parse(text.trim());
        if (parsed == null) {
            errors.add(new FieldError(name, IsoInstant.MESSAGE));
        }
        return parsed;
    }
}
