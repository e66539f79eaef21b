package closedloop.localstack.console;

import closedloop.localstack.LocalStack;
import closedloop.localstack.WholeStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's frame: the three role pages, the language switch and the time zone the dates are shown in. */
@ExtendWith(WholeStack.class)
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class ConsoleFrameBrowserTests {

    ConsoleBrowser browser;

    @BeforeEach
    void openTheConsole(LocalStack stack) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "console-frame", "Asia/Shanghai");
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    @Test
    void offersEachPersonOnlyThePagesOfTheirRoleInEitherLanguage() {
        browser.signInAs("agent-017").visit("#/supervisor").language("en");
        assertThat(browser.find(By.id("nav-agent")).getText()).isEqualTo("Hotline agent");
        assertThat(browser.findAll(By.id("nav-dispatcher"))).isEmpty();
        assertThat(browser.findAll(By.id("nav-supervisor"))).isEmpty();
        assertThat(browser.find(By.cssSelector("#nav-agent[aria-current=page]"))).isNotNull();
        assertThat(browser.find(By.id("user")).getText()).isEqualTo("agent-017");
        assertThat(browser.find(By.cssSelector("#frame .session small")).getText()).contains("Asia/Shanghai");
        browser.screenshot("english-agent");

        browser.click(By.id("logout"));
        browser.signInAs("sup.wang").visit("#/supervisor").language("zh-CN");
        assertThat(browser.find(By.cssSelector("#nav-supervisor[aria-current=page]")).getText()).isEqualTo("督办");
        assertThat(browser.findAll(By.id("nav-agent"))).isEmpty();
        browser.screenshot("chinese-supervisor");
    }
}
