package closedloop.notification.callback.web;

import closedloop.contracts.SurveyAnswers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The customer's answers to the survey questions of docs/architecture.md §6, each score 1 (poor) to 5 (very good), each optional.
 *
 * @param easyToReach   was it easy to reach us?
 * @param responseSpeed how fast did we respond and repair?
 * @param staffSkill    how skilled was the staff?
 * @param staffAttitude how was the staff's attitude?
 * @param improvement   what should we improve?
 */
public record SurveyRequest(@Min(1) @Max(5) Integer easyToReach,
                            @Min(1) @Max(5) Integer responseSpeed,
                            @Min(1) @Max(5) Integer staffSkill,
                            @Min(1) @Max(5) Integer staffAttitude,
                            @Size(max = 1000) String improvement) {

    SurveyAnswers answers() {
        return new SurveyAnswers(easyToReach, responseSpeed, staffSkill, staffAttitude, improvement);
    }
}
