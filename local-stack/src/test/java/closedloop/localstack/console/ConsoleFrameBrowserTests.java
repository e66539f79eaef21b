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
    void offersEachRoleItsPageInEitherLanguage() {
        browser.signInAs("agent-017").visit("#/agent").language("en");
        assertThat(browser.find(By.id("nav-agent")).getText()).isEqualTo("Hotline agent");
        assertThat(browser.find(By.id("nav-dispatcher")).getText()).isEqualTo("Branch dispatcher");
        assertThat(browser.find(By.id("nav-supervisor")).getText()).isEqualTo("Supervisor");
        assertThat(browser.find(By.cssSelector("#frame .session small")).getText()).contains("Asia/Shanghai");
        browser.screenshot("english");

        browser.language("zh-CN");
        assertThat(browser.find(By.id("nav-agent")).getText()).isEqualTo("话务员");
        browser.click(By.id("nav-supervisor"));
        browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("#/supervisor"));
        assertThat(browser.find(By.cssSelector("#nav-supervisor[aria-current=page]")).getText()).isEqualTo("督办");
        browser.screenshot("chinese-supervisor");
    }
}
