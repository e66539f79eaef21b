package closedloop.localstack.console;

import closedloop.testsupport.FreePorts;
import closedloop.console.WebConsoleApplication;
import closedloop.issuer.IdentityIssuerApplication;
import closedloop.localstack.SharedClasspath;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console with no service answering behind it: each page says plainly that a service is not answering, in the
 * chosen language, instead of showing a blank page; the frame leaves the business calendar's warning out.
 */
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class ServicesDownBrowserTests {

    static ConfigurableApplicationContext issuer;
    static ConfigurableApplicationContext console;
    ConsoleBrowser browser;

    /** The console with an issuer of its own, which knows its address, and no service behind it. */
    @BeforeAll
    static void startTheConsoleAlone(@TempDir Path keys) {
        int consolePort = FreePorts.next();
        int issuerPort = FreePorts.next();
        issuer = IdentityIssuerApplication.application().run("--server.port=" + issuerPort,
                "--closedloop.issuer.url=http://localhost:" + issuerPort,
                "--closedloop.issuer.key-file=" + keys.resolve("signing-key.json"),
                "--closedloop.issuer.console.url=http://localhost:" + consolePort,
                "--spring.main.banner-mode=off");
        String[] arguments = Stream.concat(
                Stream.of("complaint-intake", "ticket-router", "escalation-service", "notification-service")
                        .map(service -> "--closedloop.console.services." + service + "=http://127.0.0.1:" + FreePorts.next()),
                Stream.of("--server.port=" + consolePort, "--spring.main.banner-mode=off",
                        "--closedloop.console.issuer.url=http://localhost:" + issuerPort)).toArray(String[]::new);
        SpringApplication alone = SharedClasspath.reactive(WebConsoleApplication.application());
        alone.addPrimarySources(List.of(OwnNettyResources.class));
        console = alone.run(arguments);
    }

    /**
     * Netty event loops of this console's own: with the global ones (Spring's default), closing this context would
     * dispose the loops the shared stack of the other browser tests runs on, in the same JVM.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    @AfterAll
    static void stopTheConsole() {
        console.close();
        issuer.close();
    }

    @BeforeEach
    void openABrowser() {
        browser = ConsoleBrowser.open("http://localhost:" + console.getEnvironment().getProperty("local.server.port"),
                "services-down", "Asia/Shanghai");
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    @ParameterizedTest
    @CsvSource({
            "agent, agent-017, tab-callbacks, en, The service is not answering",
            "dispatcher, li.ming, , en, The service is not answering",
            "supervisor, sup.wang, , zh-CN, 服务暂时无法响应",
    })
    void saysPlainlyThatAServiceIsNotAnswering(String page, String person, String tab, String language,
                                               String message) {
        browser.signInAs(person).visit("#/" + page).language(language);
        if (tab != null) {
            browser.click(By.id(tab));
        }

        String error = browser.visibleText(By.cssSelector("main .state.error"));
        assertThat(error).contains(message);
        assertThat(browser.visibleText(By.cssSelector("main .state.error button"))).as("a button to try again")
                .isNotBlank();
        browser.screenshot(page + "-" + language);
    }

    @Test
    void leavesTheCalendarWarningOutWhenTheCalendarCannotBeRead() {
        browser.signInAs("sup.wang").visit("#/supervisor").language("en");

        browser.waitUntil(driver -> "unknown".equals(driver.findElement(By.id("calendar-warning"))
                .getAttribute("data-calendar")));
        assertThat(browser.driver().findElement(By.id("calendar-warning")).isDisplayed()).isFalse();
        assertThat(browser.visibleText(By.cssSelector("main .state.error"))).contains("The service is not answering");
        browser.screenshot("supervisor-without-calendar-warning");
    }
}
