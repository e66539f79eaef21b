package closedloop.localstack.console;

import closedloop.localstack.LocalStack;
import closedloop.localstack.WholeStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;

import static closedloop.localstack.console.StackCalls.get;
import static closedloop.localstack.console.StackCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hotline agent's page: logging a complaint while the customer talks (with their history beside the form and
 * every bad field marked), and the callback worklist, from the call to the survey that closes the complaint. Each
 * test uses its own phone numbers (139000010xx), since the stack is shared by the whole run.
 */
@ExtendWith(WholeStack.class)
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class AgentPageBrowserTests {

    private static final String NUMBER = "TS-\\d{8}-\\d{6}";

    ConsoleBrowser browser;
    StackCalls calls;

    @BeforeEach
    void openTheAgentPage(LocalStack stack, TestInfo test) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "agent-page/" + test.getTestMethod().orElseThrow().getName(),
                "Asia/Shanghai");
        calls = new StackCalls(stack);
    }

    @AfterEach
    void closeTheBrowser() {
        browser.screenshot("last"); // what the page showed when the test ended, passed or failed
        browser.close();
    }

    @Test
    void registersAComplaintAndShowsItsNumberAndPromisedReplyTime() {
        browser.signInAs("agent-017").visit("#/agent").language("en");
        browser.choose(By.name("category"), "BILLING")
                .type(By.name("customer.phone"), "13900001001")
                .type(By.name("customer.name"), "Liu Yang")
                .type(By.name("district"), "Lixia")
                .type(By.name("description"), "Charged twice for the May broadband fee")
                .type(By.name("promises[0].text"), "The billing team calls back about the refund");
        browser.screenshot("form-filled");
        browser.click(By.id("register"));

        String number = browser.waitFor(By.id("registered-number")).getText();
        assertThat(number).matches(NUMBER);
        assertThat(browser.find(By.id("registered-reply-by")).getText()).isNotBlank();
        assertThat(browser.find(By.id("registration-result")).getText()).contains("We will reply by");
        browser.screenshot("registered");

        JsonNode earlier = calls.customerHistory("13900001001");
        assertThat(earlier.get("total").asInt()).isEqualTo(1);
        JsonNode complaint = calls.complaint(earlier.get("items").get(0).get("id").asText());
        assertThat(complaint.get("number").asText()).isEqualTo(number);
        assertThat(complaint.get("agent").asText()).isEqualTo("agent-017");
        assertThat(complaint.get("district").asText()).isEqualTo("Lixia");
        assertThat(complaint.get("promises").get(0).get("text").asText())
                .isEqualTo("The billing team calls back about the refund");

        browser.click(By.id("registered-number"));
        browser.waitForText(By.id("timeline-title"), number);
        browser.waitUntil(driver -> !driver.findElements(By.cssSelector("#timeline-dialog .timeline li")).isEmpty());
        assertThat(browser.find(By.id("timeline-body")).getText()).contains("Liu Yang").contains("13900001001");
        browser.screenshot("timeline");
        browser.click(By.id("timeline-close"));
        browser.waitUntil(driver -> !driver.findElement(By.id("timeline-dialog")).isDisplayed());
    }

    @Test
    void showsEachBadFieldsErrorNextToItAndStoresNothing() {
        browser.signInAs("agent-017").visit("#/agent").language("zh-CN");
        browser.type(By.name("customer.phone"), "13900001002");
        // the second promise row has a due time but no text: its error must land on that row, not the first
        browser.script("arguments[0].value = '2030-05-01T10:00'", browser.find(By.name("promises[1].dueAt")));
        browser.click(By.id("register"));

        for (String field : List.of("category", "customer.name", "description", "promises[1].text")) {
            assertThat(errorNextTo(field)).as(field).isEqualTo("不能为空");
        }
        assertThat(errorNextTo("district")).isNotBlank();
        assertThat(browser.findAll(By.cssSelector(".field:has([name='customer.phone']) .field-error"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector(".field:has([name='promises[0].text']) .field-error"))).isEmpty();
        assertThat(browser.find(By.name("description")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("tab-complaint")).getText()).isEqualTo("受理投诉");
        browser.screenshot("errors-chinese");

        browser.choose(By.name("category"), "NETWORK_QUALITY")
                .type(By.name("customer.phone"), "139000010")
                .type(By.name("customer.name"), "赵敏")
                .type(By.name("district"), "Shizhong")
                .type(By.name("description"), "家里宽带每天晚上掉线")
                .type(By.name("promises[1].text"), "明天上门检修");
        browser.click(By.id("register"));
        assertThat(errorNextTo("customer.phone")).contains("手机号");
        assertThat(browser.findAll(By.cssSelector(".field:has([name='description']) .field-error"))).isEmpty();
        browser.screenshot("bad-phone");

        assertThat(calls.customerHistory("13900001002").get("total").asInt())
                .isZero();
        assertThat(browser.findAll(By.id("registered-number"))).isEmpty();
    }

    @Test
    void showsAReturningCustomersEarlierComplaintsWithRepeatRiskAsThePhoneIsTyped() {
        String billing = register("BILLING", "Huaiyin", "13900001003");
        String attitude = register("SERVICE_ATTITUDE", "Huaiyin", "13900001003");

        browser.signInAs("agent-017").visit("#/agent").language("en");
        browser.choose(By.name("category"), "BILLING");
        browser.type(By.name("customer.phone"), "13900001003");
        browser.waitUntil(driver -> driver.findElements(By.cssSelector("#customer-history-table tbody tr")).size() == 2);
        assertThat(historyRow(billing).getAttribute("class")).contains("repeat-risk");
        assertThat(historyRow(attitude).getAttribute("class")).doesNotContain("repeat-risk");
        assertThat(browser.find(By.id("repeat-warning")).getText()).contains("Billing").contains("repeat");
        browser.screenshot("repeat-risk");

        browser.choose(By.name("category"), "SERVICE_ATTITUDE");
        browser.waitUntil(driver -> historyRow(attitude).getAttribute("class").contains("repeat-risk"));
        assertThat(historyRow(billing).getAttribute("class")).doesNotContain("repeat-risk");

        browser.choose(By.name("category"), "BILLING")
                .type(By.name("customer.name"), "Sun Li")
                .type(By.name("district"), "Huaiyin")
                .type(By.name("description"), "Charged again for a package I cancelled");
        browser.click(By.id("register"));
        assertThat(browser.waitFor(By.id("registered-repeat")).getText()).contains("Repeat complaint");
        assertThat(browser.find(By.id("registration-result")).getText()).contains("Urgent");
        browser.waitUntil(driver -> driver.findElements(By.cssSelector("#customer-history-table tbody tr")).size() == 3);
        browser.screenshot("repeat-registered");
    }

    @Test
    void registersAComplaintWithTheKeyboardAlone() {
        browser.signInAs("agent-017").visit("#/agent").language("en");
        browser.script("document.getElementById('channel').focus()");

        // the fields come in the order of the call, each one Tab further; Enter in a text field submits
        press(Keys.TAB, "category").sendKeys("Billing");
        press(Keys.TAB, "priority");
        press(Keys.TAB, "customer.phone").sendKeys("13900001006");
        press(Keys.TAB, "customer.name").sendKeys("Ma Jun");
        press(Keys.TAB, "customer.accountNo");
        press(Keys.TAB, "district").sendKeys("Lixia");
        press(Keys.TAB, "location.address");
        press(Keys.TAB, "customer.vip");
        press(Keys.TAB, "description").sendKeys("Charged for a roaming package I never ordered");
        press(Keys.chord(Keys.SHIFT, Keys.TAB), "customer.vip");
        press(Keys.chord(Keys.SHIFT, Keys.TAB), "location.address").sendKeys(Keys.ENTER);

        String number = browser.waitFor(By.id("registered-number")).getText();
        assertThat(number).matches(NUMBER);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .as("the number to read out has the focus").isEqualTo("registered-number");
        JsonNode earlier = calls.customerHistory("13900001006");
        assertThat(earlier.get("items").get(0).get("category").asText()).isEqualTo("BILLING");
        browser.screenshot("registered-by-keyboard");
    }

    /** Presses a key in the field that has the focus and returns the field the focus moved to, named as expected. */
    private WebElement press(CharSequence key, String expectedField) {
        browser.driver().switchTo().activeElement().sendKeys(key);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getAttribute("name")).as("the field with the focus").isEqualTo(expectedField);
        return focused;
    }

    @Test
    void recordsACallbackWithTheSurveyAndTheComplaintCloses() {
        String complaintId = resolvedWithACallback("13900001004");

        browser.signInAs("agent-017").visit("#/agent").language("zh-CN");
        browser.click(By.id("tab-callbacks"));
        By row = By.cssSelector("#callback-table tr[data-complaint-id='" + complaintId + "']");
        assertThat(browser.find(row).getText()).contains("13900001004");
        browser.screenshot("worklist-chinese");
        browser.find(row).findElement(By.cssSelector("button.work")).click();

        browser.choose(By.id("attempt-result"), "REACHED").type(By.id("attempt-note"), "客户接听");
        browser.click(By.id("save-attempt"));
        assertThat(browser.waitForText(By.id("callback-attempts"), "已接通").getText()).contains("agent-017");
        assertThat(browser.findAll(By.id("attempt-form"))).as("after REACHED only the outcome is allowed").isEmpty();

        browser.choose(By.id("outcome-choice"), "SATISFIED");
        for (String question : List.of("easyToReach", "responseSpeed", "staffSkill", "staffAttitude")) {
            browser.click(By.id("survey-" + question + "-" + (question.equals("responseSpeed") ? 4 : 5)));
        }
        browser.type(By.id("survey-improvement"), "希望退款更快到账");
        browser.screenshot("survey-chinese");
        browser.click(By.id("save-outcome"));

        assertThat(browser.waitFor(By.id("callback-completed")).getText()).contains("满意");
        browser.screenshot("callback-completed");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(calls.complaint(complaintId).get("status").asText()).isEqualTo("CLOSED"));
        JsonNode callback = list(get(calls.notification, "/api/v1/callbacks?complaintId=" + complaintId)).get(0);
        assertThat(callback.get("survey").get("responseSpeed").asInt()).isEqualTo(4);
        assertThat(callback.get("survey").get("improvement").asText()).isEqualTo("希望退款更快到账");
        assertThat(callback.get("completedBy").asText()).isEqualTo("agent-017");
        browser.waitUntil(driver -> driver.findElements(row).isEmpty()); // no longer due
    }

    @Test
    void refusesACallTooSoonAndAnUnreachableOutcomeWhileCallsAreLeft() {
        String complaintId = resolvedWithACallback("13900001005");

        browser.signInAs("agent-017").visit("#/agent").language("en");
        browser.click(By.id("tab-callbacks")).choose(By.id("callback-status"), "OPEN");
        By row = By.cssSelector("#callback-table tr[data-complaint-id='" + complaintId + "']");
        browser.find(row).findElement(By.cssSelector("button.work")).click();

        browser.choose(By.id("attempt-result"), "NO_ANSWER").click(By.id("save-attempt"));
        browser.waitForText(By.id("callback-attempts"), "No answer");
        assertThat(browser.find(By.id("callback-detail")).getText()).contains("next call from");

        browser.choose(By.id("attempt-result"), "BUSY").click(By.id("save-attempt"));
        assertThat(browser.waitForText(By.cssSelector("#attempt-form .form-error"), "Too soon").getText())
                .contains("it is allowed from");
        browser.screenshot("too-soon");

        browser.choose(By.id("outcome-choice"), "UNREACHABLE").click(By.id("save-outcome"));
        assertThat(browser.find(By.cssSelector("#outcome-form .form-error")).getText()).isNotBlank();
        browser.screenshot("unreachable-refused");

        JsonNode callback = list(get(calls.notification, "/api/v1/callbacks?complaintId=" + complaintId)).get(0);
        assertThat(callback.get("status").asText()).isEqualTo("OPEN");
        assertThat(callback.get("attempts")).hasSize(1);
    }

    /** A complaint whose branch signed for and resolved its ticket, so that its callback is due; returns its id. */
    private String resolvedWithACallback(String phone) {
        String complaintId = register("BILLING", "Lixia", phone);
        calls.resolve(complaintId);
        return complaintId;
    }

    private String errorNextTo(String field) {
        return browser.find(By.cssSelector(".field:has([name='" + field + "']) .field-error")).getText();
    }

    private WebElement historyRow(String complaintId) {
        return browser.find(By.cssSelector("#customer-history-table tr[data-complaint-id='" + complaintId + "']"));
    }

    /** Registers a complaint through the API, as another agent did earlier; returns its id. */
    private String register(String category, String district, String phone) {
        return calls.register(category, district, phone, "An earlier call").get("id").asText();
    }
}
