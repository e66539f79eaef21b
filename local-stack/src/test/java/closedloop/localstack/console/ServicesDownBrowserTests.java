package closedloop.localstack.console;

import closedloop.testsupport.FreePorts;
import closedloop.console.WebConsoleApplication;
import closedloop.localstack.SharedClasspath;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console with no service answering behind it: each page says plainly that a service is not answering, in the
 * chosen language, instead of showing a blank page.
 */
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class ServicesDownBrowserTests {

    static ConfigurableApplicationContext console;
    ConsoleBrowser browser;

    @BeforeAll
    static void startTheConsoleAlone() {
        String[] arguments = Stream.concat(
                Stream.of("complaint-intake", "ticket-router", "escalation-service", "notification-service")
                        .map(service -> "--closedloop.console.services." + service + "=http://127.0.0.1:" + FreePorts.next()),
                Stream.of("--server.port=0", "--spring.main.banner-mode=off")).toArray(String[]::new);
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
            "agent, tab-callbacks, en, The service is not answering",
            "dispatcher, , en, The service is not answering",
            "supervisor, , zh-CN, 服务暂时无法响应",
    })
    void saysPlainlyThatAServiceIsNotAnswering(String page, String tab, String language, String message) {
        browser.visit("#/" + page).language(language);
        if (tab != null) {
            browser.click(By.id(tab));
        }

        String error = browser.visibleText(By.cssSelector("main .state.error"));
        assertThat(error).contains(message);
        assertThat(browser.visibleText(By.cssSelector("main .state.error button"))).as("a button to try again")
                .isNotBlank();
        browser.screenshot(page + "-" + language);
    }
}
