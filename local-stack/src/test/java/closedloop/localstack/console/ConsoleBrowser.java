package closedloop.localstack.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A person at the console: the Debian chromium, headless at 1280×800, driven through the Debian chromedriver (so
 * Selenium downloads nothing), in a given time zone. Every step that matters can be saved as a screenshot under
 * {@code target/screenshots/<test>/}, numbered in the order taken, so that a person can look at what the user saw.
 *
 * <p>Closing one hands its browser back for the next test that opens one in the same time zone, with nothing left of
 * this one: a new tab (no page, no session storage, no live connection), no cookie (neither the console's session nor
 * the issuer's) and nothing stored for the console's origin, as a new browser would start. Starting chromium and its
 * driver and quitting them took seconds each on a busy two-core machine, for every one of the run's browser tests; the
 * browsers left are quit when the run's JVM ends.
 */
public final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("closedloop.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("closedloop.chromedriver", "/usr/bin/chromedriver"));
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The screen the console must be readable on (the 1280×800). */
    static final Dimension VIEWPORT = new Dimension(1280, 800);

    /** The browsers no test uses now, by time zone. */
    private static final Map<String, Deque<ChromeDriver>> IDLE = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ConsoleBrowser::quitIdle, "quit-idle-browsers"));
    }

    private final ChromeDriver driver;
    private final String consoleUrl;
    private final Path screenshots;
    private final String timeZone;
    private int shots;

    private ConsoleBrowser(ChromeDriver driver, String consoleUrl, Path screenshots, String timeZone) {
        this.driver = driver;
        fitViewport(VIEWPORT);
        this.consoleUrl = consoleUrl;
        this.screenshots = screenshots;
        this.timeZone = timeZone;
    }

    private static ChromeDriver start(String timeZone) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", timeZone))
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,800", "--lang=en-US");
        return new ChromeDriver(service, options);
    }

    /** An idle browser in the time zone, or a new one. */
    private static ChromeDriver browserIn(String timeZone) {
        synchronized (IDLE) {
            ChromeDriver idle = IDLE.getOrDefault(timeZone, new ArrayDeque<>()).poll();
            if (idle != null) {
                return idle;
            }
        }
        return start(timeZone);
    }

    private static void quitIdle() {
        synchronized (IDLE) {
            IDLE.values().forEach(browsers -> browsers.forEach(ChromeDriver::quit));
            IDLE.clear();
        }
    }

    /** Sizes the window so that the page itself, not the window with its frame, has the given size. */
    private void fitViewport(Dimension viewport) {
        long width = (Long) script("return window.innerWidth");
        long height = (Long) script("return window.innerHeight");
        Dimension window = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(window.width + viewport.width - (int) width,
                window.height + viewport.height - (int) height));
    }

    /** Whether the Debian browser and driver are installed ({@code .ci/run} installs them). */
    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A browser on the console, saving screenshots under {@code target/screenshots/<name>/}. */
    public static ConsoleBrowser open(String consoleUrl, String name, String timeZone) {
        Path folder = Path.of("target", "screenshots", name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConsoleBrowser(browserIn(timeZone), consoleUrl, folder, timeZone);
    }

    /** Opens a page of the console, e.g. {@code "#/dispatcher"}, and waits until it is drawn. */
    public ConsoleBrowser visit(String fragment) {
        driver.get(consoleUrl + "/" + fragment);
        waitFor(By.cssSelector("#frame h1"));
        return this;
    }

    /** Switches the console's language with its own control: {@code zh-CN} or {@code en}. */
    public ConsoleBrowser language(String code) {
        new Select(find(By.id("language"))).selectByValue(code);
        waitUntil(driver -> code.equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        return this;
    }

    /**
     * Signs in as a demo user (password {@code demo}) through the issuer's login page, where the console sends a
     * browser that is not signed in, and waits until the console's frame names the user.
     */
    public ConsoleBrowser signInAs(String username) {
        driver.get(consoleUrl + "/");
        waitFor(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys("demo");
        find(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("user"), username);
        return this;
    }

    public WebElement find(By by) {
        return waitFor(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits until the element is visible. */
    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the condition holds; Selenium's own polling, never a sleep. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition::apply);
    }

    /** Waits until the element's text contains the given text, and returns the element. */
    public WebElement waitForText(By by, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    /**
     * The text of the first visible element found, waiting until there is one; the page may draw the element anew
     * meanwhile (a reload after a live event), which only means looking again.
     */
    public String visibleText(By by) {
        return waitUntil(driver -> {
            try {
                return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst()
                        .map(WebElement::getText).orElse(null);
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    public ConsoleBrowser click(By by) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Clears a field and types into it. */
    public ConsoleBrowser type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses an option of a select by its value. */
    public ConsoleBrowser choose(By by, String value) {
        new Select(find(by)).selectByValue(value);
        return this;
    }

    /** Runs a script in the page, e.g. to read what a chart drew. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Saves what the browser shows now as {@code <nn>-<name>.png}. */
    public Path screenshot(String name) {
        File taken = driver.getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        try {
            Files.copy(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Hands the browser back, as a new one would start; a browser that cannot forget is quit. */
    @Override
    public void close() {
        try {
            forget();
        } catch (RuntimeException broken) {
            driver.quit();
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(timeZone, zone -> new ArrayDeque<>()).push(driver);
        }
    }

    /** A new tab in place of every open one, no cookie, and nothing stored for the console's origin. */
    private void forget() {
        List<String> used = List.copyOf(driver.getWindowHandles());
        String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        for (String handle : used) {
            driver.switchTo().window(handle).close();
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        URI console = URI.create(consoleUrl);
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin",
                console.getScheme() + "://" + console.getAuthority(), "storageTypes", "all"));
    }
}
