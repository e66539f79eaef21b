package closedloop.notification.callback;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.SurveyAnswers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer texted back to the callback survey: {@code <reply code> <1|2|3> [four scores 1-5] [free text]},
 * e.g. {@code 4821 1 5 4 5 5 faster please}. 1 is SATISFIED, 2 BASICALLY_SATISFIED, 3 UNSATISFIED; the scores answer
 * the questions of docs/architecture.md §6 in order (easy to reach, speed, staff skill, staff attitude); the rest is the improvement.
 * Full-width digits, spaces and commas (as Chinese phones send them) count as their ASCII forms, and any run of spaces
 * or commas separates.
 *
 * @param replyCode the code the survey SMS gave
 * @param outcome   what the customer thinks of the resolution
 * @param answers   the scores and free text; null scores when none were given
 */
public record SurveyReply(String replyCode, CallbackOutcome outcome, SurveyAnswers answers) {

    private static final int SCORES = 4;
    private static final Pattern SEPARATOR = Pattern.compile("[\\s,]+");
    private static final Pattern HEAD = Pattern.compile("^(\\d{4,6})[\\s,]+([0-9]+)(?:[\\s,]+(.*))?$", Pattern.DOTALL);
    private static final Pattern SINGLE_DIGIT = Pattern.compile("\\d");

    /**
     * Reads the customer's text.
     *
     * @throws UnreadableSurveyReply saying what is wrong with it
     */
    public static SurveyReply parse(String text) {
        String normal = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
                .replace('\u3001', ',').strip();
        Matcher head = HEAD.matcher(normal);
        if (!head.matches()) {
            throw new UnreadableSurveyReply("The reply must start with the reply code and 1, 2 or 3, e.g. '4821 1'");
        }
        CallbackOutcome outcome = outcome(head.group(2));
        String rest = head.group(3) == null ? "" : head.group(3).strip();
        List<Integer> scores = new ArrayList<>();
        while (scores.size() < SCORES && !rest.isEmpty()) {
            String[] split = SEPARATOR.split(rest, 2);
            if (!SINGLE_DIGIT.matcher(split[0]).matches()) {
                break;
            }
            int score = Integer.parseInt(split[0]);
            if (score < 1 || score > 5) {
                throw new UnreadableSurveyReply("Each score must be 1 to 5, not " + score);
            }
            scores.add(score);
            rest = split.length > 1 ? split[1].strip() : "";
        }
        if (!scores.isEmpty() && scores.size() < SCORES) {
            throw new UnreadableSurveyReply("Give all four scores (1 to 5) or none, not " + scores.size());
        }
        String improvement = rest.isEmpty() ? null : rest;
        SurveyAnswers answers = scores.isEmpty()
                ? new SurveyAnswers(null, null, null, null, improvement)
                : new SurveyAnswers(scores.get(0), scores.get(1), scores.get(2), scores.get(3), improvement);
        return new SurveyReply(head.group(1), outcome, answers);
    }

    private static CallbackOutcome outcome(String digit) {
        return switch (digit) {
            case "1" -> CallbackOutcome.SATISFIED;
            case "2" -> CallbackOutcome.BASICALLY_SATISFIED;
            case "3" -> CallbackOutcome.UNSATISFIED;
            default -> throw new UnreadableSurveyReply("After the reply code answer 1 (satisfied), 2 (basically "
                    + "satisfied) or 3 (unsatisfied), not " + digit);
        };
    }
}
