package closedloop.notification.callback;

import closedloop.platform.PeriodicPass;
import closedloop.platform.WaitingMarker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The survey pass: hands over unsent survey SMS and closes unanswered surveys, every survey-pass interval; and the
 * callbacks' waiting markers, by the states they stand for.
 */
@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

    /** How many surveys one pass handles at most per step; a full batch is followed by another pass at once. */
    static final int SURVEY_BATCH = 100;
    private static final String COLLECTION = "callbacks";

    @Bean
    PeriodicPass callbackSurveyPass(CallbackService service, CallbackProperties properties) {
        return new PeriodicPass("Callback survey pass", properties.surveyPassInterval(),
                () -> service.surveyPass(SURVEY_BATCH));
    }

    @Bean
    WaitingMarker awaitingHotline() {
        return new WaitingMarker(COLLECTION, Callback.AWAITING_HOTLINE, where("status").is(CallbackStatus.OPEN.name()));
    }

    @Bean
    WaitingMarker awaitingSurveySms() {
        return new WaitingMarker(COLLECTION, Callback.AWAITING_SURVEY_SMS,
                where("status").is(CallbackStatus.SURVEY_SENT.name()).and("survey.queuedAt").is(null));
    }

    @Bean
    WaitingMarker awaitingSurveyReply() {
        return new WaitingMarker(COLLECTION, Callback.AWAITING_SURVEY_REPLY,
                where("status").is(CallbackStatus.SURVEY_SENT.name()));
    }
}
