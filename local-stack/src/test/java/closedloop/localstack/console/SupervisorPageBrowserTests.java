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
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static closedloop.localstack.console.StackCalls.first;
import static closedloop.localstack.console.StackCalls.get;
import static closedloop.localstack.console.StackCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor's page (督办) on the whole embedded default: the live alert feed with acknowledgement, the pending
 * extensions with approve and refuse, the league table with its chart, and the office-meeting agenda with its evidence
 * and the decision form. Complaints come in through the services' own HTTP APIs, as an agent and a dispatcher would
 * register and handle them, from the Shizhong district (branch SHIZHONG-01) with phone numbers of this class only.
 */
@ExtendWith(WholeStack.class)
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class SupervisorPageBrowserTests {

    static final String ZONE = "Asia/Shanghai";
    static final String SUPERVISOR = "sup.wang";
    static final String DISTRICT = "Shizhong";
    static final String BRANCH = "SHIZHONG-01";
    /** Phones 13906xxxxxx belong to this class, so that its complaints repeat no other test's. */
    private static final AtomicLong PHONES = new AtomicLong(13906000000L + (System.nanoTime() % 10000) * 100);

    ConsoleBrowser browser;
    StackCalls calls;

    @BeforeEach
    void openTheConsole(LocalStack stack, TestInfo test) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "supervisor-" + test.getTestMethod().orElseThrow().getName(),
                ZONE);
        calls = new StackCalls(stack);
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    @Test
    void showsTheWarningAndTheBreachOfANewComplaintAsTheyAreRaisedAndAcknowledgesOne() {
        browser.signInAs(SUPERVISOR).visit("#/supervisor").language("en");
        browser.waitFor(By.cssSelector("#panel-alerts .live-indicator.live"));
        browser.script("window.__marker = 1");

        String complaintId = register("NETWORK_QUALITY");
        By warning = alertRow(complaintId, "WARNING");
        By breach = alertRow(complaintId, "LEVEL_1");
        browser.waitFor(warning);
        browser.waitFor(breach);
        assertThat(browser.script("return window.__marker")).as("the page was not reloaded").isEqualTo(1L);
        assertThat(browser.find(breach).getAttribute("class")).contains("highlight-new");
        assertThat(browser.find(breach).getText()).contains("Level 1 supervision", BRANCH);
        assertThat(browser.find(warning).getText()).contains("Warning");
        browser.screenshot("warning-and-breach-arrived");

        browser.click(By.cssSelector("#panel-alerts .chip[data-level='1']"));
        browser.waitUntil(driver -> driver.findElements(warning).stream().noneMatch(WebElement::isDisplayed));
        assertThat(browser.find(breach).isDisplayed()).as("level 1 alerts stay in view").isTrue();
        browser.screenshot("level-1-only");

        browser.click(By.cssSelector(css(breach) + " button.acknowledge"));
        browser.waitFor(By.cssSelector(css(breach) + "[data-status='ACKNOWLEDGED']"));
        assertThat(browser.find(breach).getText()).contains("Acknowledged", SUPERVISOR);
        browser.screenshot("acknowledged");

        JsonNode acknowledged = get(calls.escalation, "/api/v1/alerts?kind=LEVEL_1&complaintId=" + complaintId).get(0);
        assertThat(acknowledged.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo(SUPERVISOR);
        assertThat(get(calls.escalation, "/api/v1/alerts?kind=WARNING&complaintId=" + complaintId).get(0)
                .get("status").asText()).as("the warning is still open").isEqualTo("OPEN");
    }

    @Test
    void approvesOneExtensionAndRefusesAnotherOnlyWithAReason() {
        String approvedTicket = ticketAskingForMoreTime();
        String refusedTicket = ticketAskingForMoreTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingExtensionTickets().containsAll(
                List.of(approvedTicket, refusedTicket)));

        browser.signInAs(SUPERVISOR).visit("#/supervisor/extensions").language("zh-CN");
        By approved = extensionCard(approvedTicket);
        By refused = extensionCard(refusedTicket);
        assertThat(browser.find(approved).getText()).contains(BRANCH, "待审批", "需要上门测试");
        browser.waitFor(refused);
        browser.screenshot("pending-in-chinese");

        browser.click(By.cssSelector(css(approved) + " form.approve button"));
        browser.waitFor(By.cssSelector(css(approved) + "[data-status='APPROVED']"));
        assertThat(browser.find(approved).getText()).contains("已批准", SUPERVISOR);

        browser.click(By.cssSelector(css(refused) + " form.refuse button"));
        WebElement fieldError = browser.waitFor(By.cssSelector(css(refused) + " form.refuse .field-error"));
        assertThat(fieldError.getText()).isNotBlank();
        assertThat(browser.find(By.cssSelector(css(refused) + " input[name='reason']")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.find(refused).getAttribute("data-status")).isEqualTo("PENDING");
        browser.screenshot("refusal-needs-a-reason");

        browser.type(By.cssSelector(css(refused) + " input[name='reason']"), "现场已修复，无需延期");
        browser.click(By.cssSelector(css(refused) + " form.refuse button"));
        browser.waitFor(By.cssSelector(css(refused) + "[data-status='REFUSED']"));
        assertThat(browser.find(refused).getText()).contains("已驳回", "现场已修复，无需延期");
        browser.screenshot("approved-and-refused");

        JsonNode approval = extensionOf(approvedTicket);
        assertThat(approval.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approval.get("decidedBy").asText()).isEqualTo(SUPERVISOR);
        assertThat(approval.get("approvedDeadline").asText()).isEqualTo(approval.get("requestedDeadline").asText());
        JsonNode refusal = extensionOf(refusedTicket);
        assertThat(refusal.get("status").asText()).isEqualTo("REFUSED");
        assertThat(refusal.get("refusalReason").asText()).isEqualTo("现场已修复，无需延期");
    }

    @Test
    void showsTheLeagueTableAsATableAndAChartPerBranch() {
        accept(calls.ticketOf(register("BILLING", DISTRICT)));
        register("BILLING", "Lixia");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode shizhong = standingOf(BRANCH);
            return shizhong != null && shizhong.at("/onTimeSignForRate/outOf").asLong() > 0
                    && standingOf("LIXIA-01") != null;
        });

        browser.signInAs(SUPERVISOR).visit("#/supervisor/league").language("zh-CN");
        WebElement row = browser.find(By.cssSelector("#league-table tr[data-branch='" + BRANCH + "']"));
        browser.waitUntil(driver -> browser.script("return !!Chart.getChart(document.getElementById('league-chart'))"));
        List<String> rows = browser.findAll(By.cssSelector("#league-table tbody tr")).stream()
                .map(each -> each.getAttribute("data-branch")).toList();
        assertThat(rows).contains(BRANCH, "LIXIA-01").doesNotHaveDuplicates();

        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.script(
                "return Chart.getChart(document.getElementById('league-chart')).data.labels");
        assertThat(labels).as("a bar group per branch, in the table's order").isEqualTo(rows);
        @SuppressWarnings("unchecked")
        List<String> series = (List<String>) browser.script(
                "return Chart.getChart(document.getElementById('league-chart')).data.datasets.map(d => d.label)");
        assertThat(series).containsExactly("及时签收率", "及时办结率", "满意率", "发回重办率", "退单率");

        Object signForBar = browser.script("const chart = Chart.getChart(document.getElementById('league-chart'));"
                + "return chart.data.datasets[0].data[chart.data.labels.indexOf(arguments[0])]", BRANCH);
        String signForCell = row.findElement(By.cssSelector("td[data-rate='onTimeSignForRate'] .rate")).getText();
        assertThat(signForBar).as("the signed-for ticket gives the branch a bar").isInstanceOf(Number.class);
        assertThat(((Number) signForBar).doubleValue()).as("the bar is the table's figure")
                .isCloseTo(Double.parseDouble(signForCell.replace("%", "").trim()), offset(0.1));
        @SuppressWarnings("unchecked")
        List<List<Object>> bars = (List<List<Object>>) browser.script(
                "return Chart.getChart(document.getElementById('league-chart')).data.datasets.map(d => d.data)");
        List<String> charted = List.of("onTimeSignForRate", "onTimeResolutionRate", "satisfactionRate", "reopenRate",
                "returnRate");
        for (int branch = 0; branch < rows.size(); branch++) {
            WebElement line = browser.find(By.cssSelector("#league-table tr[data-branch='" + rows.get(branch) + "']"));
            for (int rate = 0; rate < charted.size(); rate++) {
                String cell = line.findElement(By.cssSelector("td[data-rate='" + charted.get(rate) + "']")).getText();
                assertThat(bars.get(rate).get(branch) == null).as("%s of %s: no bar exactly where the table has no rate",
                        charted.get(rate), rows.get(branch)).isEqualTo(cell.equals("—"));
            }
        }
        browser.screenshot("league-in-chinese");
    }

    @Test
    void showsAnOfficeMeetingItemWithItsEvidenceAndRecordsTheDecision() {
        String complaintId = register("NETWORK_QUALITY");
        await().atMost(Duration.ofSeconds(90)).until(() -> agendaItemOf(complaintId) != null);
        String itemId = agendaItemOf(complaintId).get("id").asText();

        browser.signInAs(SUPERVISOR).visit("#/supervisor/agenda").language("en");
        browser.click(By.cssSelector("#agenda-items tr[data-item-id='" + itemId + "'] button"));
        browser.waitFor(By.cssSelector("#agenda-item[data-item-id='" + itemId + "'] #evidence"));
        WebElement evidence = browser.find(By.id("evidence"));
        for (String kind : List.of("WARNING", "LEVEL_1", "LEVEL_2")) {
            assertThat(evidence.findElements(By.cssSelector("table.breaches tr[data-kind='" + kind + "']")))
                    .as("the %s rung in the evidence", kind).hasSize(1);
        }
        assertThat(evidence.findElement(By.cssSelector("table.holders tr[data-branch='" + BRANCH + "']")).getText())
                .contains("still holds it");
        assertThat(evidence.findElements(By.cssSelector(".timeline li"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.find(By.id("agenda-item")).getText()).contains("Network quality", "Long past its limit");
        browser.screenshot("evidence");
        browser.script("document.querySelector('#evidence table.holders').scrollIntoView()");
        browser.screenshot("holders-and-timeline");

        browser.click(By.cssSelector("#decision-form button[type='submit']"));
        browser.waitFor(By.cssSelector("#decision-form .field-error"));
        for (String field : List.of("owner", "deadline", "note")) {
            assertThat(browser.find(By.cssSelector("#decision-form [name='" + field + "']")).getAttribute("aria-invalid"))
                    .as("%s is named as missing", field).isEqualTo("true");
        }
        browser.screenshot("decision-needs-every-field");

        Instant deadline = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        browser.type(By.id("decision-owner"), "Network operations, Mr Sun");
        browser.script("arguments[0].value = arguments[1]", browser.find(By.id("decision-deadline")),
                LocalDateTime.ofInstant(deadline, ZoneId.of(ZONE)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        browser.type(By.id("decision-note"), "Add a base station by the school");
        browser.click(By.cssSelector("#decision-form button[type='submit']"));
        browser.waitForText(By.id("decision-in-force"), "Network operations, Mr Sun");
        assertThat(browser.find(By.id("decision-in-force")).getText()).contains("Add a base station by the school",
                SUPERVISOR);
        assertThat(browser.find(By.cssSelector("#agenda-items tr[data-item-id='" + itemId + "']"))
                .getAttribute("data-status")).isEqualTo("DECIDED");
        browser.screenshot("decision-recorded");

        JsonNode item = get(calls.escalation, "/api/v1/office-meeting/items/" + itemId);
        assertThat(item.get("status").asText()).isEqualTo("DECIDED");
        assertThat(item.at("/decision/owner").asText()).isEqualTo("Network operations, Mr Sun");
        assertThat(item.at("/decision/note").asText()).isEqualTo("Add a base station by the school");
        assertThat(item.at("/decision/decidedBy").asText()).isEqualTo(SUPERVISOR);
        assertThat(Instant.parse(item.at("/decision/deadline").asText())).isEqualTo(deadline);
    }

    private static By alertRow(String complaintId, String kind) {
        return By.cssSelector("#alert-rows tr[data-complaint-id='" + complaintId + "'][data-kind='" + kind + "']");
    }

    private static By extensionCard(String ticketId) {
        return By.cssSelector("#extensions article[data-ticket-id='" + ticketId + "']");
    }

    /** The CSS selector a By.cssSelector was made of, to look inside the element it finds. */
    private static String css(By by) {
        return by.toString().replaceFirst("^By\\.cssSelector: ", "");
    }

    /** Registers a complaint from the Shizhong district, as an agent does, and returns its id. */
    private String register(String category) {
        return register(category, DISTRICT);
    }

    private String register(String category, String district) {
        return calls.register(category, district, String.valueOf(PHONES.incrementAndGet()),
                "No signal at home since Monday").get("id").asText();
    }

    /** A billing complaint's ticket, signed for by the branch, which asks for two days more than it has. */
    private String ticketAskingForMoreTime() {
        String ticketId = calls.ticketOf(register("BILLING"));
        accept(ticketId);
        calls.act(ticketId, "extension", Map.of("reason", "需要上门测试线路",
                "requestedDeadline", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        return ticketId;
    }

    /** The branch signs for the ticket (签收). */
    private void accept(String ticketId) {
        calls.act(ticketId, "accept", null);
    }

    private List<String> pendingExtensionTickets() {
        return list(get(calls.escalation, "/api/v1/extensions?status=PENDING")).stream()
                .map(extension -> extension.get("ticketId").asText()).toList();
    }

    private JsonNode extensionOf(String ticketId) {
        return first(get(calls.escalation, "/api/v1/extensions"),
                extension -> extension.get("ticketId").asText().equals(ticketId)).orElseThrow();
    }

    private JsonNode standingOf(String branch) {
        return first(get(calls.escalation, "/api/v1/branches/league").get("branches"),
                standing -> standing.get("branch").asText().equals(branch)).orElse(null);
    }

    private JsonNode agendaItemOf(String complaintId) {
        return first(get(calls.escalation, "/api/v1/office-meeting/agenda"),
                item -> item.get("complaintId").asText().equals(complaintId)).orElse(null);
    }
}
