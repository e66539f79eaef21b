package closedloop.localstack.console;

import closedloop.localstack.LocalStack;
import closedloop.localstack.WholeStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static closedloop.localstack.console.StackCalls.first;
import static closedloop.localstack.console.StackCalls.get;
import static closedloop.localstack.console.StackCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor's policy what-if (预演) on the whole embedded default: complaints come in through the services' own
 * HTTP APIs from the Licheng district (branch LICHENG-01), where no other browser test registers any, so that the
 * branch's rows are this class's; the supervisor tightens a limit of the draft, replays the window and reads the draft
 * beside what happened, as a table and a chart, with the numbers the service gives for the same draft and window.
 */
@ExtendWith(WholeStack.class)
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class WhatIfBrowserTests {

    static final String ZONE = "Asia/Shanghai";
    static final String SUPERVISOR = "sup.wang";
    static final String DISTRICT = "Licheng";
    static final String BRANCH = "LICHENG-01";
    static final List<String> RUNGS = List.of("warned", "level1", "level2");
    static final List<String> SIDES = List.of("draft", "actual");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Phones 13907xxxxxx belong to this class: no complaint of it repeats another, so each is NORMAL. */
    private static final AtomicLong PHONES = new AtomicLong(13907000000L + (System.nanoTime() % 10000) * 100);

    ConsoleBrowser browser;
    StackCalls calls;

    @BeforeEach
    void openTheConsole(LocalStack stack, TestInfo test) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "what-if-" + test.getTestMethod().orElseThrow().getName(),
                ZONE);
        calls = new StackCalls(stack);
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    @Test
    void replaysATighterSignForLimitBesideWhatHappenedAsATableAndAChart() {
        Instant start = Instant.now();
        List.of("BILLING", "BILLING", "BILLING", "INSTALLATION_REPAIR").forEach(this::register);
        JsonNode inForce = get(calls.escalation, "/api/v1/policies/current");
        awaitHistories(start, inForce, Map.of("BILLING", 3, "INSTALLATION_REPAIR", 1));

        browser.signInAs(SUPERVISOR).visit("#/supervisor/whatIf").language("en");
        By signFor = limit("BILLING", "NORMAL", "signFor");
        JsonNode billingInForce = first(inForce.get("rules"), rule -> rule.get("category").asText().equals("BILLING")
                && rule.get("priority").asText().equals("NORMAL")).orElseThrow();
        assertThat(browser.find(amount(signFor)).getAttribute("value")).as("prefilled with the version in force")
                .isEqualTo(billingInForce.at("/signFor/amount").asText());
        assertThat(browser.find(basis(signFor)).getAttribute("value")).isEqualTo(billingInForce.at("/signFor/basis")
                .asText());
        assertThat(browser.findAll(By.cssSelector("#what-if-rules tbody tr"))).as("every category at every priority")
                .hasSize(inForce.get("rules").size());
        browser.screenshot("draft-as-in-force");

        browser.type(amount(signFor), "PT1S").choose(basis(signFor), "CALENDAR");
        assertThat(browser.find(signFor).getAttribute("class")).as("the changed limit is marked").contains("changed");
        browser.click(By.id("what-if-replay"));
        browser.find(reportRow(BRANCH, "BILLING"));
        WebElement caption = browser.find(By.id("what-if-window"));

        // the service's own answer for the same draft and the window the page sent
        JsonNode answer = calls.whatIf(draft(inForce, "BILLING", "NORMAL", "signFor", "PT1S"),
                caption.getAttribute("data-from"), caption.getAttribute("data-to"));
        JsonNode billingRow = row(answer, BRANCH, "BILLING");
        assertThat(billingRow.at("/draft/level1").asInt()).as("the draft escalates tickets that were not")
                .isGreaterThan(billingRow.at("/actual/level1").asInt());
        for (String category : List.of("BILLING", "INSTALLATION_REPAIR")) {
            WebElement line = browser.find(reportRow(BRANCH, category));
            JsonNode expected = row(answer, BRANCH, category);
            assertThat(line.findElement(By.cssSelector("td[data-of='tickets']")).getText()).as(category)
                    .isEqualTo(expected.get("tickets").asText());
            for (String rung : RUNGS) {
                int draft = count(line, rung, "draft");
                int actual = count(line, rung, "actual");
                assertThat(draft).as("%s %s under the draft", category, rung)
                        .isEqualTo(expected.at("/draft/" + rung).asInt());
                assertThat(actual).as("%s %s as it happened", category, rung)
                        .isEqualTo(expected.at("/actual/" + rung).asInt());
                String marks = cell(line, rung, "draft").getAttribute("class");
                assertThat(marks.contains("higher")).as("%s %s marked higher", category, rung).isEqualTo(draft > actual);
                assertThat(marks.contains("lower")).as("%s %s marked lower", category, rung).isEqualTo(draft < actual);
            }
        }
        assertThat(caption.getText()).contains(": " + answer.get("complaints").asInt() + ";", "replayed until");
        assertThat(browser.findAll(By.cssSelector("#what-if-table tbody tr"))).as("a row per branch and category")
                .hasSize(answer.get("rows").size());
        WebElement total = browser.find(By.cssSelector("#what-if-table tfoot tr.total"));
        List<WebElement> rows = browser.findAll(By.cssSelector("#what-if-table tbody tr"));
        for (String rung : RUNGS) {
            for (String side : SIDES) {
                assertThat(count(total, rung, side)).as("the total of %s %s", rung, side)
                        .isEqualTo(rows.stream().mapToInt(line -> count(line, rung, side)).sum());
            }
        }

        browser.waitUntil(driver -> browser.script("return !!Chart.getChart(document.getElementById('what-if-chart'))"));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.script(
                "return Chart.getChart(document.getElementById('what-if-chart')).data.labels");
        assertThat(labels).as("a bar group per branch, in the table's order").isEqualTo(rows.stream()
                .map(line -> line.getAttribute("data-branch")).distinct().toList());
        @SuppressWarnings("unchecked")
        List<String> series = (List<String>) browser.script(
                "return Chart.getChart(document.getElementById('what-if-chart')).data.datasets.map(d => d.label)");
        assertThat(series).containsExactly("Warned, Draft", "Warned, Actual", "Level 1, Draft", "Level 1, Actual");
        List<WebElement> branchRows = rows.stream().filter(line -> BRANCH.equals(line.getAttribute("data-branch")))
                .toList();
        for (int dataset = 0; dataset < series.size(); dataset++) {
            String rung = List.of("warned", "level1").get(dataset / 2);
            String side = SIDES.get(dataset % 2);
            Object bar = browser.script("const chart = Chart.getChart(document.getElementById('what-if-chart'));"
                    + "return chart.data.datasets[arguments[0]].data[chart.data.labels.indexOf(arguments[1])]", dataset,
                    BRANCH);
            assertThat(((Number) bar).intValue()).as("the %s bar of %s is the branch's rows added up", series.get(dataset),
                    BRANCH).isEqualTo(branchRows.stream().mapToInt(line -> count(line, rung, side)).sum());
        }
        browser.screenshot("replayed-tighter-sign-for");

        // a limit the service cannot read: named next to its input, and the last answer stays as it was
        browser.script("window.__lastAnswer = document.getElementById('what-if-table')");
        String shown = browser.find(By.id("what-if-table")).getText();
        By resolve = limit("BILLING", "NORMAL", "resolve");
        browser.type(amount(resolve), "2 hours");
        browser.click(By.id("what-if-replay"));
        WebElement error = browser.waitFor(By.cssSelector(css(resolve) + " .field-error"));
        assertThat(error.getText()).contains("ISO-8601");
        assertThat(browser.find(amount(resolve)).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(amount(signFor)).getAttribute("aria-invalid")).as("the good limit is not named")
                .isNull();
        assertThat(browser.script("return document.getElementById('what-if-table') === window.__lastAnswer"))
                .as("the table was not drawn again").isEqualTo(true);
        assertThat(browser.find(By.id("what-if-table")).getText()).isEqualTo(shown);
        browser.screenshot("bad-amount-named");
    }

    @Test
    void speaksChineseAndSaysSoWhenNoComplaintWasDispatchedInTheWindow() {
        Instant start = Instant.now();
        register("INSTALLATION_REPAIR");
        JsonNode inForce = get(calls.escalation, "/api/v1/policies/current");
        awaitHistories(start, inForce, Map.of("INSTALLATION_REPAIR", 1));

        browser.signInAs(SUPERVISOR).visit("#/supervisor/whatIf").language("zh-CN");
        assertThat(browser.find(By.id("tab-whatIf")).getText()).isEqualTo("预演");
        assertThat(browser.find(By.cssSelector("#panel-whatIf h3")).getText()).isEqualTo("时限策略预演");
        assertThat(browser.findAll(By.cssSelector("#what-if-rules thead th")).stream().map(WebElement::getText))
                .containsExactly("类别", "优先级", "签收", "首次联系", "办结");
        WebElement billing = browser.find(By.cssSelector("#what-if-rules tr[data-category='BILLING'][data-priority='NORMAL']"));
        assertThat(billing.getText()).contains("计费/账务", "一般", "自然时间");
        assertThat(browser.find(By.id("what-if-replay")).getText()).isEqualTo("开始预演");

        browser.click(By.id("what-if-replay"));
        WebElement line = browser.find(reportRow(BRANCH, "INSTALLATION_REPAIR"));
        assertThat(line.getText()).contains("装拆移修");
        assertThat(browser.find(By.cssSelector("#what-if-table thead")).getText())
                .contains("支局", "类别", "工单数", "催办", "一级督办", "二级办公会", "草案", "实际");
        assertThat(browser.find(By.cssSelector("#what-if-table tfoot")).getText()).contains("合计");
        assertThat(browser.find(By.id("what-if-window")).getText()).contains("首次派单的投诉", "预演至");
        browser.waitUntil(driver -> browser.script("return !!Chart.getChart(document.getElementById('what-if-chart'))"));
        @SuppressWarnings("unchecked")
        List<String> series = (List<String>) browser.script(
                "return Chart.getChart(document.getElementById('what-if-chart')).data.datasets.map(d => d.label)");
        assertThat(series).containsExactly("催办（草案）", "催办（实际）", "一级督办（草案）", "一级督办（实际）");
        browser.screenshot("replayed-in-chinese");

        // a day years before the stack started: nothing to replay
        window("2020-01-01T00:00", "2020-01-02T00:00");
        browser.click(By.id("what-if-replay"));
        browser.waitForText(By.cssSelector("#what-if-result .state.empty"), "该时间段内没有首次派单的投诉");
        assertThat(browser.findAll(By.id("what-if-table"))).isEmpty();
        assertThat(browser.findAll(By.id("what-if-chart"))).isEmpty();
        assertThat(browser.find(By.id("what-if-window")).getText()).contains("：0 件");
        browser.screenshot("empty-window-in-chinese");

        // a window that ends before it starts: the service names "from", shown next to it
        window("2020-01-03T00:00", "2020-01-02T00:00");
        browser.click(By.id("what-if-replay"));
        assertThat(browser.waitFor(By.cssSelector("#what-if-form .field #what-if-from ~ .field-error")).getText())
                .isNotBlank();
        assertThat(browser.find(By.id("what-if-from")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("backwards-window-in-chinese");
    }

    /** Registers a complaint from the Licheng district, as an agent does. */
    private void register(String category) {
        calls.register(category, DISTRICT, String.valueOf(PHONES.incrementAndGet()), "Charged twice this month");
    }

    /**
     * Waits until escalation-service recorded the history of the tickets dispatched since {@code start}: the
     * what-if of the policy in force counts them, per category, in the branch's rows.
     */
    private void awaitHistories(Instant start, JsonNode inForce, Map<String, Integer> tickets) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode answer = calls.whatIf(draft(inForce), start.toString(), Instant.now().plusSeconds(60).toString());
            tickets.forEach((category, count) -> {
                JsonNode row = row(answer, BRANCH, category);
                assertThat(row == null ? 0 : row.get("tickets").asInt()).as(category).isEqualTo(count);
            });
        });
    }

    /** The policy in force as a draft: its rules and outside limits. */
    private static ObjectNode draft(JsonNode inForce) {
        ObjectNode draft = JsonNodeFactory.instance.objectNode();
        draft.set("rules", inForce.get("rules").deepCopy());
        draft.set("outside", inForce.get("outside").deepCopy());
        return draft;
    }

    /** The policy in force with one limit of one rule changed, as the page sends it. */
    private static ObjectNode draft(JsonNode inForce, String category, String priority, String limit, String amount) {
        ObjectNode draft = draft(inForce);
        list((ArrayNode) draft.get("rules")).stream()
                .filter(rule -> rule.get("category").asText().equals(category)
                        && rule.get("priority").asText().equals(priority))
                .forEach(rule -> ((ObjectNode) rule.get(limit)).put("amount", amount));
        return draft;
    }

    private static JsonNode row(JsonNode answer, String branch, String category) {
        return first(answer.get("rows"), row -> row.get("branch").asText().equals(branch)
                && row.get("category").asText().equals(category)).orElse(null);
    }

    /** Sets the window's inputs as a person would pick them, in the browser's zone. */
    private void window(String from, String to) {
        browser.script("arguments[0].value = arguments[1]", browser.find(By.id("what-if-from")), from);
        browser.script("arguments[0].value = arguments[1]", browser.find(By.id("what-if-to")), to);
    }

    private static By limit(String category, String priority, String limit) {
        return By.cssSelector("#what-if-rules tr[data-category='" + category + "'][data-priority='" + priority
                + "'] .limit[data-limit='" + limit + "']");
    }

    private static By amount(By limit) {
        return By.cssSelector(css(limit) + " input");
    }

    private static By basis(By limit) {
        return By.cssSelector(css(limit) + " select");
    }

    private static By reportRow(String branch, String category) {
        return By.cssSelector("#what-if-table tbody tr[data-branch='" + branch + "'][data-category='" + category + "']");
    }

    private static WebElement cell(WebElement row, String rung, String side) {
        return row.findElement(By.cssSelector("td[data-rung='" + rung + "'][data-of='" + side + "']"));
    }

    private static int count(WebElement row, String rung, String side) {
        return Integer.parseInt(cell(row, rung, side).getAttribute("data-count"));
    }

    /** The CSS selector a By.cssSelector was made of, to look inside the element it finds. */
    private static String css(By by) {
        return by.toString().replaceFirst("^By\\.cssSelector: ", "");
    }
}
