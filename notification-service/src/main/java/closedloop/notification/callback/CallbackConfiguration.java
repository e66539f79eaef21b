package closedloop.notification.callback;

import closedloop.platform.PeriodicPass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The survey pass: hands over unsent survey SMS and closes unanswered surveys, every survey-pass interval. */
@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

    /** How many surveys one pass handles at most per step; a full batch is followed by another pass at once. */
    static final int SURVEY_BATCH = 100;

    @Bean
    PeriodicPass callbackSurveyPass(CallbackService service, CallbackProperties properties) {
        return new PeriodicPass("Callback survey pass", properties.surveyPassInterval(),
                () -> service.surveyPass(SURVEY_BATCH));
    }
}
