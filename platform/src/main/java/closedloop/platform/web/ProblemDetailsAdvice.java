package closedloop.platform.web;

import closedloop.platform.PhoneNumbers;
import closedloop.platform.domain.IllegalTransition;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

/**
 * Turns every error into RFC 9457 problem+json. A bad request names each bad field in an {@code errors} list of
 * {@link FieldError}s, so that a console can show the message next to the field.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldError> errors = ex.getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), PhoneNumbers.maskAll(error.getDefaultMessage())))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return badRequest(errors, headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(parameterName(result),
                                PhoneNumbers.maskAll(error.getDefaultMessage()))))
                .toList();
        return badRequest(errors, headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return badRequest(List.of(new FieldError(ex.getName(), "is required")), headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ex instanceof MissingRequestValueException missing) {
            return badRequest(List.of(new FieldError(missing.getName(), "is required")), headers, exchange);
        }
        StreamReadException unreadable = causeOfType(ex, StreamReadException.class);
        if (unreadable != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The body is not valid JSON: " + PhoneNumbers.maskAll(unreadable.getOriginalMessage()));
            problem.setTitle("Malformed request body");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
        }
        JsonMappingException mapping = causeOfType(ex, JsonMappingException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            return badRequest(List.of(new FieldError(path(mapping), mappingMessage(mapping))), headers, exchange);
        }
        if (causeOfType(ex, TypeMismatchException.class) != null && ex.getMethodParameter() != null
                && ex.getMethodParameter().getParameterName() != null) {
            return badRequest(List.of(new FieldError(ex.getMethodParameter().getParameterName(),
                    "has the wrong type")), headers, exchange);
        }
        return super.handleServerWebInputException(ex, headers, status, exchange);
    }

    /** An action the aggregate's state does not allow: 409 naming the state and the allowed actions. */
    @ExceptionHandler(IllegalTransition.class)
    public Mono<ResponseEntity<Object>> handleIllegalTransition(IllegalTransition ex, ServerWebExchange exchange) {
        return handleErrorResponseException(Problems.illegalTransition(ex), new HttpHeaders(), HttpStatus.CONFLICT,
                exchange);
    }

    /** Another writer changed the same document every time this request tried: 409, try again. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    public Mono<ResponseEntity<Object>> handleLostRace(OptimisticLockingFailureException ex, ServerWebExchange exchange) {
        return handleErrorResponseException(Problems.conflict("Changed concurrently",
                        "Someone else changed it at the same moment; read it again and retry."),
                new HttpHeaders(), HttpStatus.CONFLICT, exchange);
    }

    /**
     * Anything unexpected: 500 problem+json, with the details in the log rather than in the answer; phone numbers in
     * the path and the error's messages are masked there. A failure that says the store was away is 503 instead.
     */
    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
        if (StoreFailures.isStoreAway(ex)) {
            return storeUnavailable(ex, exchange);
        }
        log.error("Unexpected error answering {} {}", exchange.getRequest().getMethod(),
                PhoneNumbers.maskAll(exchange.getRequest().getPath().value()), PhoneNumbers.masked(ex));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service could not complete the request; nothing was changed that it did not confirm.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    /**
     * The store could not be reached in time ({@link StoreFailures}: the driver found no server within its
     * {@code serverSelectionTimeoutMS}, lost the connection, cleared its pool, or met a primary stepping down): 503
     * with {@code Retry-After}. The request confirmed nothing; its own document is written
     * last (a complaint's insert comes after its number and its line among the customer's recent complaints), so the
     * same request sent again, with the same {@code Idempotency-Key} for a registration, completes it.
     */
    private Mono<ResponseEntity<Object>> storeUnavailable(Exception ex, ServerWebExchange exchange) {
        log.warn("The store is unavailable answering {} {}: {}", exchange.getRequest().getMethod(),
                PhoneNumbers.maskAll(exchange.getRequest().getPath().value()), PhoneNumbers.masked(ex).toString());
        ErrorResponseException unavailable = Problems.storeUnavailable();
        return handleErrorResponseException(unavailable, unavailable.getHeaders(), HttpStatus.SERVICE_UNAVAILABLE,
                exchange);
    }

    /** Every problem names the path it answers as its {@code instance}, with any phone number in it masked. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
            problem.setInstance(URI.create(PhoneNumbers.maskAll(exchange.getRequest().getPath().value())));
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private Mono<ResponseEntity<Object>> badRequest(List<FieldError> errors, HttpHeaders headers,
                                                     ServerWebExchange exchange) {
        ProblemDetail problem = Problems.invalidFields(errors);
        return handleExceptionInternal(new IllegalArgumentException(problem.getDetail()), problem, headers,
                HttpStatus.BAD_REQUEST, exchange);
    }

    /** The outermost exception of the given type in the cause chain, or null. */
    private static <T extends Throwable> T causeOfType(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "parameter" : name;
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String mappingMessage(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return mismatched.getTargetType() == java.time.Instant.class
                    ? IsoInstant.MESSAGE
                    : "must be " + mismatched.getTargetType().getSimpleName();
        }
        return PhoneNumbers.maskAll(mapping.getOriginalMessage());
    }
}
