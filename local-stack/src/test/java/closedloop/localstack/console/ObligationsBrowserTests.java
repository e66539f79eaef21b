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
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static closedloop.localstack.console.StackCalls.get;
import static closedloop.localstack.console.StackCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Promises made to customers (承诺兑现) through the console on the whole embedded default: the agent registers a
 * complaint with a double refund (its amount required), a visit and a call back; the dispatcher of the branch that owes
 * them sees them counting down and records the refund kept with its reference; a supervisor waives the visit, only
 * with a reason; at the callback the agent sees each promise's state and is told which one still stands in the way of
 * a satisfied outcome. The complaints come from the Tianqiao district (branch TIANQIAO-01), which only one other test
 * uses for one complaint without promises, with phone numbers of this class only.
 */
@ExtendWith(WholeStack.class)
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class ObligationsBrowserTests {

    static final String ZONE = "Asia/Shanghai";
    static final String DISTRICT = "Tianqiao";
    static final String BRANCH = "TIANQIAO-01";
    static final String DISPATCHER = "sun.li";
    static final String SUPERVISOR = "sup.wang";
    static final String AGENT = "agent-017";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Phones 13908xxxxxx belong to this class, so that its complaints repeat no other test's. */
    private static final AtomicLong PHONES = new AtomicLong(13908000000L + (System.nanoTime() % 10000) * 100);

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
    void promisesAreMadeKeptAndWaivedInTheConsoleAndTheCallbackSaysWhichStillStand() {
        String phone = String.valueOf(PHONES.incrementAndGet());

        // the agent: a double refund needs its amount; the API's error shows next to the amount of that row
        open("agent");
        browser.signInAs(AGENT).visit("#/agent").language("en");
        browser.choose(By.name("category"), "BILLING")
                .type(By.name("customer.phone"), phone)
                .type(By.name("customer.name"), "Gao Min")
                .type(By.name("district"), DISTRICT)
                .type(By.name("description"), "Charged twice for the June fee");
        assertThat(browser.findAll(By.name("promises[0].amount")).get(0).isDisplayed())
                .as("no amount for a promise of kind OTHER").isFalse();
        browser.choose(By.name("promises[0].kind"), "DOUBLE_REFUND")
                .type(By.name("promises[0].text"), "We refund the double charge twice over");
        browser.waitFor(By.name("promises[0].amount"));
        browser.choose(By.name("promises[1].kind"), "VISIT").type(By.name("promises[1].text"), "An engineer checks the meter");
        browser.click(By.id("add-promise"));
        browser.choose(By.name("promises[2].kind"), "CALL_BACK").type(By.name("promises[2].text"), "The billing team calls back");
        browser.click(By.id("register"));
        WebElement amountError = browser.find(By.cssSelector(".field:has([name='promises[0].amount']) .field-error"));
        assertThat(amountError.getText()).isNotBlank();
        assertThat(browser.find(By.name("promises[0].amount")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(calls.customerHistory(phone).get("total").asInt()).as("nothing registered").isZero();
        browser.screenshot("amount-required");

        browser.type(By.name("promises[0].amount"), "128.50");
        browser.click(By.id("register"));
        browser.waitFor(By.id("registered-number"));
        browser.screenshot("registered-with-promises");
        String complaintId = calls.customerHistory(phone).get("items").get(0).get("id").asText();
        List<JsonNode> promises = list(calls.complaint(complaintId).get("promises"));
        assertThat(promises).extracting(promise -> promise.get("kind").asText())
                .containsExactly("DOUBLE_REFUND", "VISIT", "CALL_BACK");
        assertThat(promises.get(0).get("amount").decimalValue()).isEqualByComparingTo("128.50");

        // escalation-service holds the three promises once the ticket was dispatched to the branch
        List<JsonNode> obligations = await().atMost(PATIENCE).until(() -> obligationsOf(complaintId),
                found -> found.size() == 3 && found.stream().allMatch(o -> BRANCH.equals(o.path("owedBy").asText())));
        JsonNode refund = byKind(obligations, "DOUBLE_REFUND");
        JsonNode visit = byKind(obligations, "VISIT");
        JsonNode callBack = byKind(obligations, "CALL_BACK");
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("128.50");
        closeBrowser();

        // the dispatcher: the branch's open promises count down; "Kept" needs a reference
        open("dispatcher");
        browser.signInAs(DISPATCHER).visit("#/dispatcher").language("en");
        browser.choose(By.id("branch"), BRANCH);
        String refundItem = "#branch-obligations #obligation-" + refund.get("id").asText();
        browser.waitFor(By.cssSelector(refundItem + "[data-status=OPEN] .countdown.on-time"));
        assertThat(browser.find(By.cssSelector(refundItem)).getText())
                .contains("Double refund", "We refund the double charge twice over", "¥128.50");
        browser.waitFor(By.cssSelector("#branch-obligations #obligation-" + visit.get("id").asText()));
        browser.screenshot("branch-obligations");
        browser.click(By.id("kept-" + refund.get("id").asText()));
        assertThat(browser.find(By.cssSelector(refundItem + " .kept-form .field-error")).getText()).isNotBlank();
        assertThat(browser.find(By.cssSelector(refundItem)).getAttribute("data-status")).isEqualTo("OPEN");
        String reference = "RF-" + phone;
        browser.type(By.id("kept-reference-" + refund.get("id").asText()), reference)
                .type(By.id("kept-note-" + refund.get("id").asText()), "paid to the customer's account");
        browser.click(By.id("kept-" + refund.get("id").asText()));
        browser.waitFor(By.cssSelector(refundItem + "[data-status=FULFILLED]"));
        assertThat(browser.find(By.cssSelector(refundItem)).getText()).contains("Kept", reference, DISPATCHER);
        browser.screenshot("refund-kept");
        JsonNode kept = obligation(complaintId, refund.get("id").asText());
        assertThat(kept.get("status").asText()).isEqualTo("FULFILLED");
        assertThat(kept.at("/fulfilment/reference").asText()).isEqualTo(reference);
        assertThat(kept.at("/fulfilment/by").asText()).isEqualTo(DISPATCHER);
        closeBrowser();

        // a supervisor: every open promise, soonest due first; "Waive" needs a reason
        open("supervisor");
        browser.signInAs(SUPERVISOR).visit("#/supervisor/obligations").language("zh-CN");
        String visitItem = "#open-obligations #obligation-" + visit.get("id").asText();
        browser.waitFor(By.cssSelector(visitItem + "[data-status=OPEN]"));
        assertThat(browser.findAll(By.cssSelector("#open-obligations #obligation-" + refund.get("id").asText())))
                .as("a kept promise is not open").isEmpty();
        assertThat(browser.find(By.cssSelector(visitItem)).getText()).contains("上门", "An engineer checks the meter");
        browser.click(By.id("waive-" + visit.get("id").asText()));
        assertThat(browser.find(By.cssSelector(visitItem + " .waive-form .field-error")).getText()).isNotBlank();
        assertThat(browser.find(By.id("waive-reason-" + visit.get("id").asText())).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(obligation(complaintId, visit.get("id").asText()).get("status").asText()).isEqualTo("OPEN");
        browser.screenshot("waiver-needs-a-reason");
        browser.type(By.id("waive-reason-" + visit.get("id").asText()), "客户改为自行查看电表");
        browser.click(By.id("waive-" + visit.get("id").asText()));
        browser.waitFor(By.cssSelector(visitItem + "[data-status=WAIVED]"));
        assertThat(browser.find(By.cssSelector(visitItem)).getText()).contains("已豁免", "客户改为自行查看电表");
        browser.screenshot("visit-waived");
        JsonNode waived = obligation(complaintId, visit.get("id").asText());
        assertThat(waived.get("status").asText()).isEqualTo("WAIVED");
        assertThat(waived.at("/waiver/reason").asText()).isEqualTo("客户改为自行查看电表");
        assertThat(waived.at("/waiver/by").asText()).isEqualTo(SUPERVISOR);
        closeBrowser();

        // the agent at the callback: each promise's state, and a satisfied outcome is refused naming the open one
        calls.resolve(complaintId);
        open("callback");
        browser.signInAs(AGENT).visit("#/agent").language("en");
        browser.click(By.id("tab-callbacks"));
        By row = By.cssSelector("#callback-table tr[data-complaint-id='" + complaintId + "']");
        browser.find(row).findElement(By.cssSelector("button.work")).click();
        for (JsonNode each : obligationsOf(complaintId)) {
            browser.waitFor(By.cssSelector("#callback-obligations #obligation-" + each.get("id").asText()
                    + "[data-status=" + each.get("status").asText() + "]"));
        }
        assertThat(browser.find(By.id("callback-obligations")).getText()).contains(reference, "客户改为自行查看电表");
        browser.choose(By.id("attempt-result"), "REACHED");
        browser.click(By.id("save-attempt"));
        browser.waitForText(By.id("callback-attempts"), "Reached");
        browser.choose(By.id("outcome-choice"), "SATISFIED");
        browser.click(By.id("save-outcome"));
        String stillOpen = browser.waitForText(By.id("open-obligations"), "Still open").getText();
        assertThat(stillOpen).contains("The billing team calls back")
                .doesNotContain("An engineer checks the meter", "We refund the double charge");
        browser.screenshot("satisfied-refused-while-a-promise-is-open");
        JsonNode callback = list(get(calls.notification, "/api/v1/callbacks?complaintId=" + complaintId)).get(0);
        assertThat(callback.get("status").asText()).isNotEqualTo("COMPLETED");
        assertThat(obligation(complaintId, callBack.get("id").asText()).get("status").asText()).isEqualTo("OPEN");
    }

    /** Done with one person's browser: the next step signs in as another in a browser of its own. */
    private void closeBrowser() {
        browser.close();
        browser = null;
    }

    private void open(String step) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "obligations/" + step, ZONE);
    }

    private List<JsonNode> obligationsOf(String complaintId) {
        return list(get(calls.escalation, "/api/v1/obligations?complaintId=" + complaintId));
    }

    private JsonNode obligation(String complaintId, String id) {
        return obligationsOf(complaintId).stream().filter(o -> o.get("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode byKind(List<JsonNode> obligations, String kind) {
        return obligations.stream().filter(o -> o.get("kind").asText().equals(kind)).findFirst().orElseThrow();
    }
}
