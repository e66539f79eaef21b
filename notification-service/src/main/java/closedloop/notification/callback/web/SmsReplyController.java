package closedloop.notification.callback.web;

import closedloop.notification.callback.CallbackService;
import closedloop.notification.callback.NoSurveyAwaitingReply;
import closedloop.notification.callback.UnreadableSurveyReply;
import closedloop.platform.web.Problems;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * The SMS gateway forwards what customers text back: a reply to the callback survey completes that callback.
 * 422 when the text is not a survey reply, 404 when no survey awaits its code from that phone (the same answer
 * whether the code is unknown or belongs to another phone), 409 when the survey was answered already (answered by the
 * platform, as every illegal transition); nothing changes then.
 */
@RestController
@RequestMapping("/api/v1/sms/replies")
@RequiredArgsConstructor
public class SmsReplyController {

    private final CallbackService service;
    private final Clock clock;

    /** Takes one forwarded SMS; answers with the callback it completed. */
    @PostMapping
    public Mono<CallbackView> receive(@Valid @RequestBody SmsReplyRequest request) {
        return service.answerSurvey(request.from(), request.text())
                .onErrorMap(UnreadableSurveyReply.class,
                        unreadable -> Problems.unprocessable("Unreadable survey reply", unreadable.getMessage()))
                .onErrorMap(NoSurveyAwaitingReply.class, SmsReplyController::noSurvey)
                .map(callback -> CallbackView.of(callback, clock.instant()));
    }

    /** 404: no survey awaits this reply code from this phone; says nothing of surveys to other phones. */
    private static ErrorResponseException noSurvey(NoSurveyAwaitingReply none) {
        ErrorResponseException error = Problems.notFound("survey", none.replyCode());
        error.getBody().setDetail(none.getMessage());
        return error;
    }
}
