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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The branch dispatcher's page on the whole embedded default: the live queue of one branch, the ticket workflow with
 * only the allowed actions offered, field errors next to their fields, and deadlines that turn red. The tests use the
 * Huaiyin branch, which the other pages' tests leave alone, and register their complaints through complaint-intake's
 * API while the page is open, as an agent would.
 */
@ExtendWith(WholeStack.class)
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class DispatcherPageBrowserTests {

    static final String BRANCH = "HUAIYIN-01";
    static final String DISTRICT = "Huaiyin";

    ConsoleBrowser browser;
    StackCalls calls;

    @BeforeEach
    void openTheConsole(LocalStack stack) {
        calls = new StackCalls(stack);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void showsANewTicketWithoutAReloadAndSignsForIt(LocalStack stack) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "dispatcher-new-ticket", "Asia/Shanghai");
        openTheQueue("en");
        browser.script("window.__marker = 1");
        browser.screenshot("queue-before");

        String description = "No dial tone since Monday " + UUID.randomUUID();
        Map<String, String> complaint = register("INSTALLATION_REPAIR", description);
        browser.waitFor(rowOf(complaint.get("number")));

        assertThat(browser.script("return window.__marker")).as("the page was not reloaded").isEqualTo(1L);
        // just arrived: highlighted, waiting to be signed for
        browser.waitFor(By.cssSelector(rowSelector(complaint.get("number")) + ".highlight-new[data-status=ASSIGNED]"));
        browser.waitFor(By.cssSelector("#latest-messages li[data-complaint-id='" + complaint.get("id") + "']"));
        assertThat(browser.find(By.cssSelector("#live-slot .live-indicator.live")).getText()).isEqualTo("Live");
        browser.waitFor(By.cssSelector(rowSelector(complaint.get("number")) + " [data-clock=SIGN_FOR] .countdown.on-time"));
        browser.screenshot("new-ticket-arrived");

        openTicket(complaint.get("number"));
        assertThat(browser.find(By.id("ticket-description")).getText()).isEqualTo(description);
        assertThat(browser.find(By.id("ticket-customer")).getText()).contains("Zhang Wei");
        assertThat(offeredActions()).contains("accept", "return", "notes").doesNotContain("resolve", "resume", "dispatch");
        browser.screenshot("ticket-opened");

        act("accept");
        waitForStatus("ACCEPTED");
        assertThat(offeredActions()).doesNotContain("accept").contains("handler", "resolve", "wait", "extension");
        browser.waitFor(By.cssSelector(rowSelector(complaint.get("number")) + "[data-status=ACCEPTED]"));
        assertThat(browser.find(By.id("done-message")).getText()).isEqualTo("Saved: Sign for.");
        // the sign-for clock stops a moment later, once escalation-service heard of it
        browser.waitFor(By.cssSelector("#ticket-clocks [data-clock=SIGN_FOR][data-state=STOPPED]"));
        browser.waitUntil(driver -> driver.findElements(By.cssSelector(
                rowSelector(complaint.get("number")) + " [data-clock=SIGN_FOR]")).isEmpty());
        browser.screenshot("signed-for");

        // the branch is remembered on this computer
        browser.visit("#/dispatcher");
        browser.waitUntil(driver -> BRANCH.equals(driver.findElement(By.id("branch")).getAttribute("value")));
        browser.waitFor(rowOf(complaint.get("number")));
    }

    @Test
    void worksATicketThroughToItsResolutionInChinese(LocalStack stack) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "dispatcher-workflow", "Asia/Shanghai");
        openTheQueue("zh-CN");
        Map<String, String> complaint = register("BILLING", "Charged twice for the same month");
        browser.waitFor(rowOf(complaint.get("number")));
        assertThat(browser.waitFor(By.cssSelector("#latest-messages li[data-complaint-id='" + complaint.get("id")
                + "'][data-purpose=NEW_TICKET] strong")).getText()).isEqualTo("新工单");
        openTicket(complaint.get("number"));
        assertThat(browser.find(By.cssSelector("#ticket-actions [data-action=accept]")).getText()).isEqualTo("签收");

        act("accept");
        waitForStatus("ACCEPTED");

        act("handler");
        browser.type(By.id("action-handler"), "Li Na");
        submit();
        waitForStatus("IN_PROGRESS");
        assertThat(browser.find(By.id("ticket-handler")).getText()).isEqualTo("Li Na");

        act("notes");
        browser.type(By.id("action-note"), "Checked the billing records");
        submit();
        browser.waitForText(By.cssSelector("#ticket-detail .timeline"), "Checked the billing records");

        act("first-contact");
        browser.choose(By.id("action-method"), "PHONE");
        browser.type(By.id("action-result"), "Customer confirmed the double charge");
        submit();
        browser.waitForText(By.id("ticket-facts"), "首次联系");
        browser.screenshot("first-contact-recorded");

        act("extension");
        browser.type(By.id("action-reason"), "Waiting for the billing centre");
        submit();
        browser.waitForText(By.id("done-message"), "申请延期");
        browser.waitForText(By.cssSelector("#ticket-detail .timeline"), "申请延期");
        waitForStatus("IN_PROGRESS");

        act("wait");
        browser.type(By.id("action-reason"), "Customer sends the bill copy");
        submit();
        waitForStatus("WAITING_ON_CUSTOMER");
        assertThat(offeredActions()).contains("resume").doesNotContain("wait", "resolve", "extension", "accept");
        browser.screenshot("waiting-on-customer");

        act("resume");
        waitForStatus("IN_PROGRESS");
        assertThat(offeredActions()).contains("resolve", "wait").doesNotContain("resume");

        act("resolve");
        submit();
        WebElement error = browser.waitFor(By.cssSelector("#action-form .field:has(#action-resolution) .field-error"));
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.find(By.id("action-resolution")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findAll(By.cssSelector("#action-form .field:has(#action-rootCause) .field-error"))).hasSize(1);
        assertThat(currentStatus()).isEqualTo("IN_PROGRESS");
        browser.screenshot("resolve-errors");

        browser.type(By.id("action-resolution"), "Refunded the second charge");
        browser.choose(By.id("action-rootCause"), "BILLING_SYSTEM");
        browser.type(By.id("action-responsibleParty"), "Billing department");
        submit();
        waitForStatus("RESOLVED");
        assertThat(browser.find(By.cssSelector("#ticket-actions")).getText()).contains("已无可执行的操作");
        assertThat(offeredActions()).isEmpty();
        assertThat(browser.find(By.id("ticket-resolution")).getText()).isEqualTo("Refunded the second charge");
        String ticketId = browser.find(By.id("ticket-detail")).getAttribute("data-ticket-id");
        JsonNode ticket = calls.ticket(ticketId);
        assertThat(ticket.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(ticket.get("rootCause").asText()).isEqualTo("BILLING_SYSTEM");
        assertThat(ticket.get("responsibleParty").asText()).isEqualTo("Billing department");
        assertThat(ticket.get("handler").asText()).isEqualTo("Li Na");
        assertThat(ticket.get("firstContactMethod").asText()).isEqualTo("PHONE");

        // the finished ticket leaves the open queue for the finished section
        browser.waitUntil(driver -> driver.findElements(By.cssSelector(
                "#open-tickets tr[data-ticket-id='" + ticketId + "']")).isEmpty());
        openTheFinishedSection();
        browser.waitFor(By.cssSelector("#finished-table tr[data-ticket-id='" + ticketId + "'][data-status=RESOLVED]"));
        browser.screenshot("resolved");
    }

    @Test
    void returnsATicketWithItsReason(LocalStack stack) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "dispatcher-return", "Asia/Shanghai");
        openTheQueue("en");
        Map<String, String> complaint = register("SERVICE_ATTITUDE", "The technician was rude");
        browser.waitFor(rowOf(complaint.get("number")));
        openTicket(complaint.get("number"));

        act("return");
        browser.choose(By.id("action-reason"), "OTHER");
        submit();
        WebElement error = browser.waitFor(By.cssSelector("#action-form .field:has(#action-text) .field-error"));
        assertThat(error.getText()).contains("required");
        assertThat(currentStatus()).isEqualTo("ASSIGNED");
        browser.screenshot("return-needs-words");

        browser.type(By.id("action-text"), "The customer moved to Tianqiao");
        submit();
        waitForStatus("RETURNED");
        assertThat(browser.find(By.id("ticket-return-reason")).getText()).isEqualTo("Other · The customer moved to Tianqiao");
        assertThat(offeredActions()).isEmpty();
        String ticketId = browser.find(By.id("ticket-detail")).getAttribute("data-ticket-id");
        assertThat(calls.ticket(ticketId).get("returnReason").asText()).isEqualTo("OTHER");
        browser.screenshot("returned");
    }

    @Test
    void offersWhatIsAllowedNowWhenSomeoneElseActedFirst(LocalStack stack) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "dispatcher-stale", "Europe/Berlin");
        openTheQueue("en");
        Map<String, String> complaint = register("TARIFF_PRODUCT", "The new plan costs more than promised");
        browser.waitFor(rowOf(complaint.get("number")));
        openTicket(complaint.get("number"));
        act("accept");
        waitForStatus("ACCEPTED");
        act("wait");
        browser.type(By.id("action-reason"), "Customer is abroad");

        // a colleague puts the ticket on hold first, through the API
        String ticketId = browser.find(By.id("ticket-detail")).getAttribute("data-ticket-id");
        calls.act(ticketId, "wait", Map.of("reason", "Customer asked to call next week"));
        submit();

        waitForStatus("WAITING_ON_CUSTOMER");
        assertThat(browser.find(By.id("stale-message")).getText()).isNotBlank();
        assertThat(offeredActions()).contains("resume").doesNotContain("wait", "accept");
        browser.screenshot("refused-and-refreshed");
    }

    @Test
    void showsANetworkQualityTicketsResolveCountdownTurningRed(LocalStack stack) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "dispatcher-breach", "Asia/Shanghai");
        openTheQueue("en");
        Map<String, String> complaint = register("NETWORK_QUALITY", "No signal in the flat");
        String resolveClock = rowSelector(complaint.get("number")) + " [data-clock=RESOLVE] .countdown";
        browser.waitFor(By.cssSelector(resolveClock));
        browser.screenshot("counting-down");

        browser.waitFor(By.cssSelector(resolveClock + ".breached"));
        assertThat(textOf(By.cssSelector(resolveClock + ".breached"))).startsWith("overdue");
        browser.screenshot("breached");
    }

    @Test
    void neverShowsALixiaDispatcherATicketOfShizhong(LocalStack stack) {
        JsonNode shizhong = calls.register("INSTALLATION_REPAIR", "Shizhong", "Zhang Wei", "13805319871",
                "Router light off " + UUID.randomUUID());
        String shizhongTicket = calls.ticketOf(shizhong.get("id").asText());
        JsonNode lixia = calls.register("INSTALLATION_REPAIR", "Lixia", "Zhang Wei", "13805319872",
                "Router light off " + UUID.randomUUID());
        calls.ticketOf(lixia.get("id").asText());
        browser = ConsoleBrowser.open(stack.consoleUrl(), "dispatcher-own-branch", "Asia/Shanghai");

        browser.signInAs("li.ming").visit("#/dispatcher");
        browser.waitFor(By.cssSelector("#branch option[value='LIXIA-01']"));
        assertThat(browser.findAll(By.cssSelector("#branch option")).stream().map(o -> o.getAttribute("value"))
                .filter(value -> !value.isEmpty())).as("the branches li.ming may choose").containsExactly("LIXIA-01");
        browser.choose(By.id("branch"), "LIXIA-01");
        browser.waitFor(By.cssSelector("#queue[data-branch='LIXIA-01'][data-loaded]"));
        browser.waitFor(rowOf(lixia.get("number").asText()));
        browser.screenshot("own-branch-only");

        assertThat(browser.findAll(rowOf(shizhong.get("number").asText()))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(shizhong.get("number").asText());
        // asked for directly through the console, as the page's own scripts ask
        assertThat(statusOf(browser, "/api/v1/tickets/" + shizhongTicket)).as("another branch's ticket").isEqualTo(404);
        assertThat(statusOf(browser, "/api/v1/tickets?branch=SHIZHONG-01")).as("another branch's queue")
                .isEqualTo(403);
    }

    /** The status the console answers a {@code fetch} of the page's with the signed-in session. */
    private static long statusOf(ConsoleBrowser browser, String path) {
        return (Long) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {headers: {Accept: 'application/json'}})"
                        + ".then(answer => done(answer.status), () => done(-1));", path);
    }

    private void openTheQueue(String language) {
        browser.signInAs("qian.hua").visit("#/dispatcher").language(language);
        browser.choose(By.id("branch"), BRANCH);
        browser.waitFor(By.cssSelector("#queue[data-branch='" + BRANCH + "'][data-loaded]"));
    }

    /** Opens the collapsed section; the queue may be drawn again meanwhile (it keeps the section open once opened). */
    private void openTheFinishedSection() {
        browser.waitUntil(driver -> {
            try {
                WebElement section = driver.findElement(By.id("finished-tickets"));
                if (section.getAttribute("open") != null) return true;
                section.findElement(By.tagName("summary")).click();
                return null;
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    private void openTicket(String number) {
        browser.click(By.cssSelector(rowSelector(number) + " button.open-ticket"));
        browser.waitFor(By.cssSelector("#ticket-detail[data-ticket-id] #ticket-actions"));
        browser.waitForText(By.id("detail-number"), number);
    }

    private void act(String action) {
        browser.click(By.cssSelector("#ticket-actions [data-action='" + action + "']"));
    }

    private void submit() {
        browser.click(By.cssSelector("#action-form button[type=submit]"));
    }

    private void waitForStatus(String status) {
        browser.waitFor(By.cssSelector("#ticket-detail[data-status='" + status + "'] #ticket-actions"));
    }

    private String currentStatus() {
        return browser.find(By.id("ticket-detail")).getAttribute("data-status");
    }

    /** The actions the ticket's panel offers, read in one go (the panel is drawn anew after each action). */
    @SuppressWarnings("unchecked")
    private List<String> offeredActions() {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll("
                + "'#ticket-actions [data-action]'), button => button.dataset.action)");
    }

    /** The text of an element that live updates may draw anew at any moment. */
    private String textOf(By by) {
        return browser.waitUntil(driver -> {
            try {
                return driver.findElement(by).getText();
            } catch (StaleElementReferenceException | NoSuchElementException redrawn) {
                return null;
            }
        });
    }

    private static By rowOf(String number) {
        return By.cssSelector(rowSelector(number));
    }

    private static String rowSelector(String number) {
        return "#queue tr[data-complaint-number='" + number + "']";
    }

    /** Registers Zhang Wei's complaint in Huaiyin, as an agent would; returns its id and number. */
    private Map<String, String> register(String category, String description) {
        JsonNode created = calls.register(category, DISTRICT, "Zhang Wei", "13805319876", description);
        return Map.of("id", created.get("id").asText(), "number", created.get("number").asText());
    }
}
