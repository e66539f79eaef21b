package closedloop.platform.web;

import closedloop.platform.domain.IllegalTransition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The problems services throw themselves; each becomes an application/problem+json answer. */
public final class Problems {

    private Problems() {
    }

    /** 400: the request names these bad fields; every invalid request is answered in this one shape. */
    public static ProblemDetail invalidFields(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: " + fields);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** 400 naming these bad fields, for checks that Bean Validation does not make, to throw or to emit. */
    public static ErrorResponseException badRequest(List<FieldError> errors) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, invalidFields(errors), null);
    }

    /** 400 for one bad value that Bean Validation does not see, such as a header. */
    public static ErrorResponseException invalidField(String field, String message) {
        return badRequest(List.of(new FieldError(field, message)));
    }

    /** 404: there is no {@code what} with this id. */
    public static ErrorResponseException notFound(String what, String id) {
        return problem(HttpStatus.NOT_FOUND, capitalised(what) + " not found", "No " + what + " with id " + id);
    }

    /** 409: the request conflicts with the current state; the detail says how. */
    public static ErrorResponseException conflict(String title, String detail) {
        return problem(HttpStatus.CONFLICT, title, detail);
    }

    /** 409 for an {@link IllegalTransition}: its state, the actions allowed instead and any further facts it has. */
    public static ErrorResponseException illegalTransition(IllegalTransition illegal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, illegal.getMessage());
        problem.setTitle("Not allowed in the current state");
        problem.setProperty("currentState", illegal.currentState());
        problem.setProperty("allowedActions", illegal.allowedActions());
        illegal.details().forEach(problem::setProperty);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, illegal);
    }

    /** 403: the signed-in caller may not do this; the detail says why. */
    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    /** 422: the request is well-formed but cannot be carried out as asked; the detail says why. */
    public static ErrorResponseException unprocessable(String title, String detail) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, title, detail);
    }

    /**
     * 401: the request does not show it comes from whom it must (no signature, a wrong one, a timestamp too old); the
     * detail says which, and {@code WWW-Authenticate} names the scheme that would be accepted.
     */
    public static ErrorResponseException unauthorized(String title, String detail, String wwwAuthenticate) {
        ErrorResponseException error = problem(HttpStatus.UNAUTHORIZED, title, detail);
        error.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        return error;
    }

    /**
     * 429: too many attempts; the same request may succeed after {@code retryAfter}, given in whole seconds (rounded
     * up) in the {@code Retry-After} header.
     */
    public static ErrorResponseException tooManyRequests(String title, String detail, Duration retryAfter) {
        ErrorResponseException error = problem(HttpStatus.TOO_MANY_REQUESTS, title, detail);
        long seconds = Math.max(1, retryAfter.plusNanos(999_999_999).getSeconds());
        error.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return error;
    }

    /** How long a client is asked to wait before it sends again a request the store could not take. */
    public static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * 503: the store could not be reached in time and the request was not completed; the same request may be sent
     * again after {@link #STORE_RETRY_AFTER} ({@code Retry-After}).
     */
    public static ErrorResponseException storeUnavailable() {
        ErrorResponseException error = problem(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable",
                "The service could not reach its store in time and did not complete the request. Send the same "
                        + "request again in a few seconds.");
        error.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(STORE_RETRY_AFTER.toSeconds()));
        return error;
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
