package closedloop.intake.complaint.web;

import closedloop.platform.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/** A 400 for a bad value that Bean Validation does not see (a header), shaped like the platform's field errors. */
final class BadRequests {

    private BadRequests() {
    }

    static ErrorResponseException field(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: " + field);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
