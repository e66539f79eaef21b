package closedloop.localstack.console;

import closedloop.localstack.LocalStack;
import closedloop.localstack.WholeStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop done by clicking, in Chinese, by two people at two browsers on the embedded default: the hotline
 * agent registers a complaint, the dispatcher of its branch sees it arrive live (no reload) and signs for and resolves
 * it, the agent calls the customer back, who is satisfied, and the complaint shows CLOSED.
 */
@ExtendWith(WholeStack.class)
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class ClosedLoopInTheBrowserTests {

    static final String PHONE = "13900007001";

    StackCalls calls;
    ConsoleBrowser agent;
    ConsoleBrowser dispatcher;

    @BeforeEach
    void openTwoBrowsers(LocalStack stack) {
        calls = new StackCalls(stack);
        agent = ConsoleBrowser.open(stack.consoleUrl(), "closed-loop/agent", "Asia/Shanghai");
        dispatcher = ConsoleBrowser.open(stack.consoleUrl(), "closed-loop/dispatcher", "Asia/Shanghai");
    }

    @AfterEach
    void closeTheBrowsers() {
        agent.close();
        dispatcher.close();
    }

    @Test
    void closesAComplaintAfterItWasRegisteredDispatchedResolvedAndCalledBackByClicking() {
        dispatcher.signInAs("li.ming").visit("#/dispatcher").language("zh-CN").choose(By.id("branch"), "LIXIA-01");
        dispatcher.waitFor(By.cssSelector("#queue[data-branch='LIXIA-01'][data-loaded]"));
        dispatcher.script("window.__marker = 1");

        String number = registerAsTheAgent();

        By row = By.cssSelector("#queue tr[data-complaint-number='" + number + "']");
        dispatcher.waitFor(row);
        assertThat(dispatcher.script("return window.__marker")).as("the queue updated without a reload").isEqualTo(1L);
        dispatcher.waitFor(By.cssSelector("#queue tr[data-complaint-number='" + number + "'] [data-clock=SIGN_FOR] .countdown.on-time"));
        dispatcher.screenshot("ticket-arrived-live");

        signForAndResolveAsTheDispatcher(row, number);

        String complaintId = calls.first(calls.customerHistory(PHONE).get("items"),
                complaint -> complaint.get("number").asText().equals(number)).orElseThrow().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> StackCalls.list(StackCalls.get(calls.notification,
                "/api/v1/callbacks?status=DUE&complaintId=" + complaintId)), due -> due.size() == 1);
        callBackAsTheAgent(complaintId);

        await().atMost(Duration.ofSeconds(60)).until(() -> calls.complaint(complaintId).get("status").asText(),
                "CLOSED"::equals);
        agent.click(By.id("tab-complaint")).click(By.id("registered-number"));
        agent.waitForText(By.id("timeline-title"), number);
        assertThat(agent.waitForText(By.id("timeline-body"), "已结案").getText()).contains("满意");
        agent.screenshot("complaint-closed");
    }

    /** Fills the form as the customer speaks and returns the number read out to them. */
    private String registerAsTheAgent() {
        agent.signInAs("agent-017").visit("#/agent").language("zh-CN");
        agent.choose(By.name("category"), "BILLING")
                .type(By.name("customer.phone"), PHONE)
                .type(By.name("customer.name"), "王芳")
                .type(By.name("district"), "Lixia")
                .type(By.name("description"), "十一月的流量包被重复扣费");
        agent.click(By.id("register"));
        String number = agent.waitFor(By.id("registered-number")).getText();
        assertThat(number).matches("TS-\\d{8}-\\d{6}");
        assertThat(agent.find(By.id("registered-reply-by")).getText()).isNotBlank();
        agent.screenshot("registered");
        return number;
    }

    private void signForAndResolveAsTheDispatcher(By row, String number) {
        dispatcher.click(By.cssSelector("#queue tr[data-complaint-number='" + number + "'] button.open-ticket"));
        dispatcher.waitForText(By.id("detail-number"), number);
        assertThat(actionsOffered()).contains("accept").doesNotContain("resolve");
        dispatcher.click(By.cssSelector("#ticket-actions [data-action='accept']"));
        dispatcher.waitFor(By.cssSelector("#ticket-detail[data-status='ACCEPTED'] #ticket-actions"));
        assertThat(actionsOffered()).contains("resolve").doesNotContain("accept");

        dispatcher.click(By.cssSelector("#ticket-actions [data-action='resolve']"));
        dispatcher.type(By.id("action-resolution"), "已退还重复扣除的费用")
                .choose(By.id("action-rootCause"), "BILLING_SYSTEM")
                .type(By.id("action-responsibleParty"), "计费中心");
        dispatcher.screenshot("resolving");
        dispatcher.click(By.cssSelector("#action-form button[type=submit]"));
        dispatcher.waitFor(By.cssSelector("#ticket-detail[data-status='RESOLVED'] #ticket-actions"));
        dispatcher.screenshot("resolved");
    }

    private void callBackAsTheAgent(String complaintId) {
        agent.click(By.id("tab-callbacks"));
        By row = By.cssSelector("#callback-table tr[data-complaint-id='" + complaintId + "']");
        agent.find(row).findElement(By.cssSelector("button.work")).click();
        agent.choose(By.id("attempt-result"), "REACHED").click(By.id("save-attempt"));
        agent.waitForText(By.id("callback-attempts"), "已接通");
        agent.choose(By.id("outcome-choice"), "SATISFIED");
        for (String question : List.of("easyToReach", "responseSpeed", "staffSkill", "staffAttitude")) {
            agent.click(By.id("survey-" + question + "-5"));
        }
        agent.screenshot("callback-survey");
        agent.click(By.id("save-outcome"));
        assertThat(agent.waitFor(By.id("callback-completed")).getText()).contains("满意");
    }

    @SuppressWarnings("unchecked")
    private List<String> actionsOffered() {
        return (List<String>) dispatcher.script("return Array.from(document.querySelectorAll("
                + "'#ticket-actions [data-action]'), button => button.dataset.action)");
    }
}
