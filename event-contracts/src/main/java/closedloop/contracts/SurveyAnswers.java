package closedloop.contracts;

/**
 * The customer's answers to the service manual's callback survey (docs/architecture.md §6); each score runs from 1 (poor) to 5
 * (very good) and is null when the customer did not give it.
 *
 * @param easyToReach   was it easy to reach us?
 * @param responseSpeed how fast did we respond and repair?
 * @param staffSkill    how skilled was the staff?
 * @param staffAttitude how was the staff's attitude?
 * @param improvement   what should we improve? free text, optional
 */
public record SurveyAnswers(Integer easyToReach, Integer responseSpeed, Integer staffSkill, Integer staffAttitude,
                            String improvement) {
}
