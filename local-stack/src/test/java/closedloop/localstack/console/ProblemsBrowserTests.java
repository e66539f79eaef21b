package closedloop.localstack.console;

import closedloop.localstack.LocalStack;
import closedloop.localstack.WholeStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static closedloop.localstack.console.StackCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Problems (问题单) and their corrective actions (整改措施) through the console on the whole embedded default: five
 * billing complaints from one district make escalation-service open a problem by itself; the supervisor is alerted and
 * finds it on the Problems tab with its five complaints in the order they came in, plans two corrective actions for the Lixia
 * branch, is told the problem cannot be closed while one is open, marks one done and puts the problem on the office
 * meeting's agenda; the Lixia dispatcher marks the other done from their page; the dispatch desk sees the problem on a
 * complaint's ticket; the supervisor closes it, telling every customer by SMS, which the demo SMS gateway receives.
 * Each test's complaints come from a district of its own ({@code Problem-<random>}), which no branch serves (their
 * tickets go to the dispatch desk) and no other test uses, so that only they count towards a problem; the phones
 * 13909xxxxxx are this class's.
 */
@ExtendWith(WholeStack.class)
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class ProblemsBrowserTests {

    static final String ZONE = "Asia/Shanghai";
    static final String SUPERVISOR = "sup.wang";
    static final String DESK = "desk.wu";
    static final String OWNER = "LIXIA-01";
    static final String OWNER_DISPATCHER = "li.ming";
    /** Complaints of one category in one district that open a problem (within two hours). */
    static final int THRESHOLD = 5;
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** Phones 13909xxxxxx belong to this class, so that its complaints repeat no other test's. */
    private static final AtomicLong PHONES = new AtomicLong(13909000000L + (System.nanoTime() % 10000) * 100);

    LocalStack stack;
    StackCalls calls;
    ConsoleBrowser browser;

    @BeforeEach
    void callTheStack(LocalStack stack) {
        this.stack = stack;
        calls = new StackCalls(stack);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void aDetectedProblemIsWorkedThroughItsCorrectiveActionsAndClosedTellingEveryCustomer() {
        String district = "Problem-" + UUID.randomUUID().toString().substring(0, 8);
        List<JsonNode> complaints = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < THRESHOLD; i++) {
            String phone = String.valueOf(PHONES.incrementAndGet());
            phones.add(phone);
            complaints.add(calls.register("BILLING", district, "Customer " + i, phone,
                    "Charged twice for the same month (" + district + ")"));
        }
        List<String> ids = complaints.stream().map(complaint -> complaint.get("id").asText()).toList();
        List<String> numbers = complaints.stream().map(complaint -> complaint.get("number").asText()).toList();

        // escalation-service opens the problem by itself once the fifth complaint came in
        JsonNode detected = await().atMost(PATIENCE).until(() -> calls.problemsOf(ids.get(THRESHOLD - 1)),
                found -> found.size() == 1 && found.get(0).get("complaints").size() == THRESHOLD).get(0);
        String problemId = detected.get("id").asText();
        assertThat(detected.get("origin").asText()).isEqualTo("DETECTED");
        assertThat(detected.get("status").asText()).isEqualTo("OPEN");
        assertThat(detected.get("district").asText()).isEqualTo(district);
        assertThat(list(detected.get("complaints"))).extracting(linked -> linked.get("complaintId").asText())
                .containsExactlyInAnyOrderElementsOf(ids);

        // the supervisor is alerted, and the alert links to the problem
        open("supervisor");
        browser.signInAs(SUPERVISOR).visit("#/supervisor").language("en");
        String alert = "#alert-rows tr[data-kind=PROBLEM_OPENED][data-problem-id='" + problemId + "']";
        browser.waitFor(By.cssSelector(alert));
        assertThat(browser.find(By.cssSelector(alert)).getText()).contains("Problem opened", "Problem " + problemId);
        browser.screenshot("problem-opened-alert");
        browser.click(By.cssSelector(alert + " a.problem-link"));
        browser.waitFor(By.cssSelector("#panel-problems #problem-detail[data-problem-id='" + problemId + "']"));
        assertThat(browser.script("return location.hash")).isEqualTo("#/supervisor/problems/" + problemId);

        // the problem in the list, then its five complaints in the order they were registered
        browser.visit("#/supervisor/problems");
        String row = "#problems tr[data-problem-id='" + problemId + "']";
        browser.waitFor(By.cssSelector(row + "[data-status=OPEN][data-origin=DETECTED]"));
        WebElement listed = browser.find(By.cssSelector(row));
        assertThat(listed.getText()).contains(problemId, detected.get("title").asText(), district, "Billing", "Detected");
        assertThat(listed.findElement(By.cssSelector("td[data-of=complaints]")).getText())
                .isEqualTo(String.valueOf(THRESHOLD));
        browser.screenshot("problems-list");

        browser.click(By.cssSelector(row + " button.open-problem"));
        String detail = "#problem-detail[data-problem-id='" + problemId + "']";
        browser.waitFor(By.cssSelector(detail + "[data-status=OPEN] #problem-complaints"));
        assertThat(browser.script("return location.hash")).isEqualTo("#/supervisor/problems/" + problemId);
        List<WebElement> timeline = browser.findAll(By.cssSelector("#problem-complaints li"));
        assertThat(timeline).extracting(item -> item.getAttribute("data-complaint-id")).containsExactlyElementsOf(ids);
        assertThat(timeline).extracting(item -> item.findElement(By.cssSelector(".complaint-number")).getText())
                .containsExactlyElementsOf(numbers);
        assertThat(timeline).allSatisfy(item -> assertThat(item.getText()).contains("linked", "automatically"));
        assertThat(browser.find(By.id("problem-facts")).getText()).contains(district, "Billing", "Detected");
        assertThat(browser.find(By.id("problem-actions")).getText()).contains("No corrective actions yet.");
        browser.screenshot("problem-detail");

        // two corrective actions for the Lixia branch, each counting down to its due time
        Instant due = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        addAction("Recalculate the double-charged bills of " + district, due);
        addAction("Fix the billing run's duplicate detection", due.plus(1, ChronoUnit.DAYS));
        List<JsonNode> actions = await().atMost(PATIENCE).until(() -> list(calls.problem(problemId).get("actions")),
                found -> found.size() == 2);
        JsonNode recalculate = actions.get(0);
        JsonNode fix = actions.get(1);
        assertThat(recalculate.get("what").asText()).isEqualTo("Recalculate the double-charged bills of " + district);
        assertThat(recalculate.get("owner").asText()).isEqualTo(OWNER);
        assertThat(Instant.parse(recalculate.get("dueAt").asText())).isEqualTo(due);
        assertThat(recalculate.get("plannedBy").asText()).isEqualTo(SUPERVISOR);
        assertThat(recalculate.get("status").asText()).isEqualTo("OPEN");
        String recalculateItem = "#problem-actions #action-" + recalculate.get("id").asText();
        browser.waitFor(By.cssSelector(recalculateItem + "[data-status=OPEN] .countdown.on-time"));
        assertThat(browser.find(By.cssSelector(recalculateItem)).getText()).contains("Owner " + OWNER, "Open");
        browser.screenshot("actions-planned");

        // closing while an action is open is refused (409): the service's words are said on the form
        browser.type(By.id("problem-resolution-input"), "Not yet");
        browser.click(By.id("problem-close"));
        assertThat(browser.find(By.cssSelector("#problem-close-form .form-error")).getText()).as("names the open actions")
                .contains(recalculate.get("id").asText(), fix.get("id").asText());
        assertThat(calls.problem(problemId).get("status").asText()).isEqualTo("OPEN");
        browser.screenshot("close-refused-while-an-action-is-open");

        // the supervisor marks the first action done
        browser.type(By.id("action-note-" + recalculate.get("id").asText()), "Refunds booked on the next bill");
        browser.click(By.id("action-done-" + recalculate.get("id").asText()));
        browser.waitFor(By.cssSelector(recalculateItem + "[data-status=DONE]"));
        assertThat(browser.find(By.cssSelector(recalculateItem)).getText())
                .contains("Done by " + SUPERVISOR, "Refunds booked on the next bill");
        assertThat(browser.findAll(By.cssSelector(recalculateItem + " .countdown"))).as("a done action no longer counts")
                .isEmpty();
        JsonNode recalculated = action(problemId, recalculate.get("id").asText());
        assertThat(recalculated.get("status").asText()).isEqualTo("DONE");
        assertThat(recalculated.get("doneBy").asText()).isEqualTo(SUPERVISOR);
        assertThat(recalculated.get("note").asText()).isEqualTo("Refunds booked on the next bill");

        // on the office meeting's agenda: marked in the list, and listed on the office-meeting tab
        browser.type(By.id("problem-agenda-reason"), "Five customers billed twice in one afternoon");
        browser.click(By.id("problem-put-on-agenda"));
        browser.waitFor(By.cssSelector("#problem-agenda"));
        assertThat(browser.find(By.id("problem-agenda")).getText())
                .contains("Five customers billed twice in one afternoon", SUPERVISOR);
        browser.waitFor(By.cssSelector(row + "[data-agenda=true] .problem-on-agenda"));
        assertThat(calls.problem(problemId).at("/agenda/reason").asText())
                .isEqualTo("Five customers billed twice in one afternoon");
        browser.click(By.id("tab-agenda"));
        String onAgenda = "#agenda-problems tr[data-problem-id='" + problemId + "']";
        browser.waitFor(By.cssSelector(onAgenda));
        assertThat(browser.find(By.cssSelector(onAgenda)).getText())
                .contains(detected.get("title").asText(), "Five customers billed twice in one afternoon", "1 of 2 done");
        browser.screenshot("problem-on-the-agenda");
        closeBrowser();

        // the Lixia dispatcher: the branch's open corrective action, marked done from their page
        open("dispatcher");
        browser.signInAs(OWNER_DISPATCHER).visit("#/dispatcher").language("en");
        browser.choose(By.id("branch"), OWNER);
        String fixItem = "#branch-actions #action-" + fix.get("id").asText();
        browser.waitFor(By.cssSelector(fixItem + "[data-status=OPEN] .countdown"));
        assertThat(browser.findAll(By.cssSelector("#branch-actions #action-" + recalculate.get("id").asText())))
                .as("a done action is not the branch's to do").isEmpty();
        assertThat(browser.find(By.cssSelector(fixItem)).getText()).contains(problemId, "duplicate detection");
        browser.screenshot("branch-actions");
        browser.type(By.id("action-note-" + fix.get("id").asText()), "Duplicate check switched on");
        browser.click(By.id("action-done-" + fix.get("id").asText()));
        browser.waitFor(By.cssSelector(fixItem + "[data-status=DONE]"));
        assertThat(action(problemId, fix.get("id").asText()).get("doneBy").asText()).isEqualTo(OWNER_DISPATCHER);
        closeBrowser();

        // the dispatch desk, where the district's tickets went: the ticket names its complaint's problem
        open("desk");
        browser.signInAs(DESK).visit("#/dispatcher").language("en");
        String ticketRow = "#queue tr[data-complaint-number='" + numbers.get(0) + "']";
        browser.click(By.cssSelector(ticketRow + " button.open-ticket"));
        browser.waitForText(By.id("detail-number"), numbers.get(0));
        browser.waitForText(By.cssSelector("#ticket-problem .problem-id"), problemId);
        assertThat(browser.find(By.id("ticket-problem")).getText()).contains(detected.get("title").asText());
        browser.screenshot("ticket-names-its-problem");
        closeBrowser();

        // the supervisor closes it from the problem's own address, telling every customer by SMS
        open("close");
        browser.signInAs(SUPERVISOR).visit("#/supervisor/problems/" + problemId).language("en");
        browser.waitFor(By.cssSelector(detail + " #problem-actions #action-" + fix.get("id").asText()
                + "[data-status=DONE]"));
        assertThat(browser.find(By.cssSelector("#problem-actions #action-" + fix.get("id").asText())).getText())
                .contains("Done by " + OWNER_DISPATCHER, "Duplicate check switched on");
        String resolution = "Billing run fixed and every double charge refunded (" + district + ")";
        browser.type(By.id("problem-resolution-input"), resolution);
        browser.click(By.cssSelector("#problem-notify"));
        browser.click(By.id("problem-close"));
        browser.waitFor(By.cssSelector(detail + "[data-status=CLOSED]"));
        assertThat(browser.find(By.id("problem-resolution")).getText()).isEqualTo(resolution);
        assertThat(browser.find(By.id("problem-customers-notified")).getText()).isEqualTo("yes");
        assertThat(browser.findAll(By.id("problem-close-form"))).as("a closed problem has no forms").isEmpty();
        browser.screenshot("problem-closed");
        JsonNode closed = calls.problem(problemId);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("resolution").asText()).isEqualTo(resolution);
        assertThat(closed.get("closedBy").asText()).isEqualTo(SUPERVISOR);
        assertThat(closed.get("customersNotified").asBoolean()).isTrue();

        // each of the five customers gets an SMS with their complaint's number and the resolution
        for (int i = 0; i < THRESHOLD; i++) {
            String phone = phones.get(i);
            String number = numbers.get(i);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(calls.smsTo(phone)).as(number)
                    .anySatisfy(sms -> assertThat(sms.get("text").asText()).contains(number, resolution)));
        }
        // the closed one is listed among the closed problems
        browser.click(By.cssSelector(".problems-panel .chip[data-status=CLOSED]"));
        browser.waitFor(By.cssSelector(row + "[data-status=CLOSED]"));
    }

    @Test
    void aBadProblemOpenedByHandIsRefusedNextToItsFieldsAndAGoodOneOpens() {
        String district = "Problem-" + UUID.randomUUID().toString().substring(0, 8);
        String complaintId = calls.register("SERVICE_ATTITUDE", district, "Customer by hand",
                String.valueOf(PHONES.incrementAndGet()), "The counter clerk was rude (" + district + ")").get("id").asText();

        open("open-by-hand");
        browser.signInAs(SUPERVISOR).visit("#/supervisor/problems").language("en");
        browser.click(By.id("problem-new"));
        browser.waitFor(By.id("problem-open-form"));
        browser.click(By.id("problem-open"));
        for (String field : List.of("problem-open-title", "problem-open-category")) {
            assertThat(browser.find(By.cssSelector(".field:has(#" + field + ") .field-error")).getText()).as(field)
                    .isNotBlank();
            assertThat(browser.find(By.id(field)).getAttribute("aria-invalid")).as(field).isEqualTo("true");
        }
        browser.screenshot("open-by-hand-refused");

        // an unknown complaint is named next to the complaints' field, by the id typed
        browser.type(By.id("problem-open-title"), "Rude counter clerk in " + district)
                .choose(By.id("problem-open-category"), "SERVICE_ATTITUDE")
                .type(By.id("problem-open-district"), district)
                .type(By.id("problem-open-ids"), complaintId + "\nno-such-complaint");
        browser.click(By.id("problem-open"));
        WebElement idsError = browser.find(By.cssSelector(".field:has(#problem-open-ids) .field-error"));
        assertThat(idsError.getText()).contains("no-such-complaint");
        assertThat(browser.find(By.id("problem-open-ids")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findAll(By.cssSelector(".field:has(#problem-open-title) .field-error"))).isEmpty();
        assertThat(calls.problemsOf(complaintId)).as("nothing opened").isEmpty();
        browser.screenshot("unknown-complaint-refused");

        browser.type(By.id("problem-open-ids"), complaintId);
        browser.click(By.id("problem-open"));
        browser.waitFor(By.cssSelector("#problem-detail[data-status=OPEN] #problem-complaints li[data-complaint-id='"
                + complaintId + "']"));
        JsonNode opened = await().atMost(PATIENCE).until(() -> calls.problemsOf(complaintId), found -> found.size() == 1)
                .get(0);
        assertThat(opened.get("origin").asText()).isEqualTo("MANUAL");
        assertThat(opened.get("openedBy").asText()).isEqualTo(SUPERVISOR);
        assertThat(opened.get("title").asText()).isEqualTo("Rude counter clerk in " + district);
        assertThat(browser.find(By.id("problem-detail")).getAttribute("data-problem-id"))
                .isEqualTo(opened.get("id").asText());
        assertThat(browser.find(By.id("problem-complaints")).getText()).contains("by " + SUPERVISOR);
        assertThat(browser.find(By.id("problem-facts")).getText()).contains("Opened by hand");
        browser.waitFor(By.cssSelector("#problems tr[data-problem-id='" + opened.get("id").asText() + "'].selected"));
        browser.screenshot("opened-by-hand");
    }

    private void addAction(String what, Instant due) {
        browser.type(By.id("action-what"), what).type(By.id("action-owner"), OWNER);
        browser.script("arguments[0].value = arguments[1]", browser.find(By.id("action-due")),
                LocalDateTime.ofInstant(due, ZoneId.of(ZONE)).format(LOCAL));
        Set<String> before = actionIds();
        browser.click(By.id("problem-add-action"));
        browser.waitUntil(driver -> actionIds().size() == before.size() + 1);
        assertThat(browser.find(By.id("problem-saved")).getText()).isEqualTo("Corrective action added.");
    }

    /** The actions the problem's detail shows, read in one go (the detail is drawn anew after each change). */
    @SuppressWarnings("unchecked")
    private Set<String> actionIds() {
        return Set.copyOf((List<String>) browser.script("return Array.from(document.querySelectorAll("
                + "'#problem-actions li[data-action-id]'), item => item.dataset.actionId)"));
    }

    private JsonNode action(String problemId, String actionId) {
        return list(calls.problem(problemId).get("actions")).stream()
                .filter(action -> action.get("id").asText().equals(actionId)).findFirst().orElseThrow();
    }

    /** Done with one person's browser: the next step signs in as another in a browser of its own. */
    private void closeBrowser() {
        browser.close();
        browser = null;
    }

    private void open(String step) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "problems/" + step, ZONE);
    }
}
