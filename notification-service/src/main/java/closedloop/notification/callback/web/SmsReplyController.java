package closedloop.notification.callback.web;

import closedloop.notification.callback.NoSurveyAwaitingReply;
import closedloop.notification.callback.SurveyLocked;
import closedloop.notification.callback.SurveyReplies;
import closedloop.notification.callback.UnreadableSurveyReply;
import closedloop.platform.web.Problems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * The SMS gateway forwards what customers text back: a reply to the callback survey completes that callback, or, when
 * it is (basically) satisfied while a promise made to the customer is still open, sends the callback back to the
 * hotline with the reply held and the open obligations named: 200 all the same, the SMS was taken, and the same reply
 * delivered again answers the same callback unchanged. Only
 * calls the gateway signed get here ({@link SmsReplySignatureFilter}: 401 otherwise). 429 with {@code Retry-After}
 * while the phone's survey is locked after too many wrong reply codes, whatever the reply says; 422 when the text is
 * not a survey reply, 404 when no survey awaits its code from that phone (the same answer whether the code is unknown
 * or belongs to another phone; it counts towards the lock), 409 when the survey was answered already (answered by the
 * platform, as every illegal transition); nothing else changes then.
 */
@RestController
@RequestMapping(SmsReplySignatureFilter.PATH)
@RequiredArgsConstructor
public class SmsReplyController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/ProblemDetail";

    private final SurveyReplies replies;
    private final Clock clock;

    /** Takes one forwarded SMS; answers with the callback it completed or sent back to the hotline. */
    @PostMapping
    @ApiResponse(responseCode = "200", description = "The callback the reply completed, or sent back to the hotline "
            + "(OPEN, heldReply naming the open obligations) when the customer answered satisfied while promises are "
            + "open")
    @ApiResponse(responseCode = "401", description = "Not signed by the gateway, wrongly signed or too old",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No survey awaits this reply code from this phone",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The text is not a survey reply",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "429", description = "The phone's survey is locked after too many wrong reply codes; "
            + "Retry-After and lockedUntil say until when",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    public Mono<CallbackView> receive(@Valid @RequestBody SmsReplyRequest request) {
        return replies.take(request.from(), request.text())
                .onErrorMap(SurveyLocked.class, this::locked)
                .onErrorMap(UnreadableSurveyReply.class,
                        unreadable -> Problems.unprocessable("Unreadable survey reply", unreadable.getMessage()))
                .onErrorMap(NoSurveyAwaitingReply.class, SmsReplyController::noSurvey)
                .map(callback -> CallbackView.of(callback, clock.instant()));
    }

    /** 429: the phone's survey is locked; {@code Retry-After} and {@code lockedUntil} say until when. */
    private ErrorResponseException locked(SurveyLocked locked) {
        ErrorResponseException error = Problems.tooManyRequests("Survey replies locked", locked.getMessage(),
                Duration.between(clock.instant(), locked.lockedUntil()));
        error.getBody().setProperty("lockedUntil", locked.lockedUntil().toString());
        return error;
    }

    /** 404: no survey awaits this reply code from this phone; says nothing of surveys to other phones. */
    private static ErrorResponseException noSurvey(NoSurveyAwaitingReply none) {
        ErrorResponseException error = Problems.notFound("survey", none.replyCode());
        error.getBody().setDetail(none.getMessage());
        return error;
    }
}
