package closedloop.localstack.console;

import closedloop.localstack.LocalStack;
import closedloop.localstack.WholeStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static closedloop.localstack.console.StackCalls.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business calendar in the console on the whole embedded default: the administrator's page lists the years the
 * calendar holds as escalation-service reports them and uploads a year as its next version; a refused year has each
 * bad entry named and nothing stored; text that is no JSON is refused before anything is sent. Supervisors and
 * administrators see the frame's warning exactly while the service says next year's calendar is missing (the stack
 * runs on the real clock, so the test reads that instead of assuming it), agents and dispatchers never; and a
 * dispatcher's deadlines are marked provisional exactly where the service says so.
 *
 * <p>The year uploaded is {@value #TEST_YEAR}, with made-up test data: not next year, whose missing calendar the
 * warning and the other tests' deadlines depend on, and far enough that no deadline of the run reaches it.
 */
@ExtendWith(WholeStack.class)
@EnabledIf("closedloop.localstack.console.ConsoleBrowser#installed")
class BusinessCalendarBrowserTests {

    static final int TEST_YEAR = 2031;
    static final String ADMIN = "admin";
    static final String SUPERVISOR = "sup.wang";
    /** TEST DATA, not an official calendar: a few made-up days off and one swapped Saturday of 2031. */
    static final String TEST_CALENDAR = """
            {
              "year": 2031,
              "zone": "Asia/Shanghai",
              "holidays": ["2031-01-01", "2031-05-01", "2031-10-01", "2031-10-02", "2031-10-03"],
              "workingWeekends": ["2031-09-27"],
              "workingHours": [{"from": "09:00", "to": "12:00"}, {"from": "13:30", "to": "18:00"}]
            }
            """;
    /** The same TEST DATA with one more made-up day off, as a corrected second version. */
    static final String TEST_CALENDAR_CORRECTED = TEST_CALENDAR.replace("\"2031-10-03\"", "\"2031-10-03\", \"2031-10-06\"");
    /** TEST DATA with three faults: another zone, a holiday of 2032, a swapped working day on a Monday. */
    static final String TEST_CALENDAR_FAULTY = TEST_CALENDAR
            .replace("\"zone\": \"Asia/Shanghai\"", "\"zone\": \"Asia/Tokyo\"")
            .replace("\"2031-05-01\"", "\"2032-01-01\"")
            .replace("\"2031-09-27\"", "\"2031-09-29\"");
    static final ObjectMapper JSON = new ObjectMapper();

    ConsoleBrowser browser;
    StackCalls calls;

    @BeforeEach
    void openTheConsole(LocalStack stack, TestInfo test) {
        browser = ConsoleBrowser.open(stack.consoleUrl(), "calendar-" + test.getTestMethod().orElseThrow().getName(),
                "Asia/Shanghai");
        calls = new StackCalls(stack);
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    @Test
    void uploadsAYearFromAFileAndAgainAsItsNextVersionListingTheYearsAsTheServiceHoldsThem() throws Exception {
        JsonNode before = calls.calendars();
        int earlier = versionOf(before, TEST_YEAR);
        openTheAdminPage("en");
        assertThat(shownRows()).as("the years listed").isEqualTo(rowsOf(before));
        assertThat(browser.find(By.id("calendar-region")).getAttribute("value")).isEqualTo(before.get("region").asText());
        assertThat(browser.find(By.id("calendars-next-year")).getAttribute("data-state")).isEqualTo(nextYearState(before));
        browser.screenshot("calendars-listed");

        Path file = Files.createTempFile("calendar-" + TEST_YEAR + "-test-data-", ".json");
        Files.writeString(file, TEST_CALENDAR);
        browser.type(By.id("calendar-year"), "2027");
        browser.find(By.id("calendar-file")).sendKeys(file.toAbsolutePath().toString());
        browser.waitUntil(driver -> TEST_CALENDAR.equals(driver.findElement(By.id("calendar-json")).getAttribute("value")));
        assertThat(browser.find(By.id("calendar-year")).getAttribute("value")).as("the year of the file")
                .isEqualTo(String.valueOf(TEST_YEAR));
        browser.screenshot("calendar-file-loaded");
        browser.click(By.cssSelector("#calendar-upload button[type=submit]"));

        browser.waitFor(By.cssSelector(rowSelector(TEST_YEAR) + "[data-source=UPLOADED][data-version='" + (earlier + 1) + "']"));
        JsonNode first = calls.calendars();
        assertThat(yearOf(first, TEST_YEAR).get("source").asText()).isEqualTo("UPLOADED");
        assertThat(yearOf(first, TEST_YEAR).get("version").asInt()).isEqualTo(earlier + 1);
        assertThat(yearOf(first, TEST_YEAR).get("uploadedBy").asText()).isEqualTo(ADMIN);
        assertThat(shownRows()).isEqualTo(rowsOf(first));
        assertThat(browser.find(By.cssSelector(rowSelector(TEST_YEAR))).getText()).contains("Uploaded", ADMIN);
        assertThat(browser.find(By.id("calendar-uploaded")).getText())
                .isEqualTo(TEST_YEAR + " uploaded as version " + (earlier + 1) + ".");
        browser.script("document.getElementById('calendars-part').scrollIntoView()");
        browser.screenshot("calendar-uploaded-v" + (earlier + 1));

        browser.type(By.id("calendar-json"), TEST_CALENDAR_CORRECTED);
        browser.click(By.cssSelector("#calendar-upload button[type=submit]"));

        browser.waitFor(By.cssSelector(rowSelector(TEST_YEAR) + "[data-source=UPLOADED][data-version='" + (earlier + 2) + "']"));
        JsonNode second = calls.calendars();
        assertThat(yearOf(second, TEST_YEAR).get("version").asInt()).isEqualTo(earlier + 2);
        assertThat(shownRows()).isEqualTo(rowsOf(second));
        assertThat(browser.findAll(By.cssSelector(rowSelector(TEST_YEAR)))).as("one row per year").hasSize(1);
        browser.script("document.getElementById('calendars-part').scrollIntoView()");
        browser.screenshot("calendar-uploaded-v" + (earlier + 2));
    }

    @Test
    void namesEachBadEntryOfARefusedYearAndStoresNothing() {
        JsonNode before = calls.calendars();
        openTheAdminPage("en");
        browser.type(By.id("calendar-region"), "HK");
        browser.type(By.id("calendar-year"), String.valueOf(TEST_YEAR));
        browser.type(By.id("calendar-json"), TEST_CALENDAR_FAULTY);
        browser.click(By.cssSelector("#calendar-upload button[type=submit]"));

        browser.waitFor(By.id("calendar-errors"));
        assertThat(listedEntries()).containsExactly(
                "zone: must be Asia/Shanghai, as every year of the region",
                "holidays[1]: 2032-01-01 is not in 2031",
                "workingWeekends[0]: 2031-09-29 is a MONDAY, not a Saturday or Sunday");
        assertThat(browser.find(By.cssSelector("#calendar-upload .field:has(#calendar-region) .field-error")).getText())
                .isEqualTo("must be CN, the region this service counts in");
        assertThat(browser.find(By.id("calendar-region")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("calendar-json")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("calendar-refused-entries");

        assertThat(calls.calendars()).as("nothing stored").isEqualTo(before);
        assertThat(shownRows()).isEqualTo(rowsOf(before));
    }

    @Test
    void refusesTextThatIsNoJsonBeforeSendingItInChinese() {
        JsonNode before = calls.calendars();
        openTheAdminPage("zh-CN");
        browser.type(By.id("calendar-year"), String.valueOf(TEST_YEAR));
        browser.type(By.id("calendar-json"), "{\"year\": 2031, \"holidays\": [\"2031-01-01\",");
        browser.click(By.cssSelector("#calendar-upload button[type=submit]"));

        WebElement note = browser.waitFor(By.cssSelector("#calendar-upload .field:has(#calendar-json) .field-error"));
        assertThat(note.getText()).startsWith("内容不是 JSON，未发送：");
        assertThat(browser.find(By.id("calendar-json")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("calendar-not-json");

        browser.type(By.id("calendar-json"), "[\"2031-01-01\"]");
        browser.click(By.cssSelector("#calendar-upload button[type=submit]"));
        browser.waitForText(By.cssSelector("#calendar-upload .field:has(#calendar-json) .field-error"), "须为一个 JSON 对象");

        assertThat(uploadsSent()).as("requests to the upload").isZero();
        assertThat(calls.calendars()).as("nothing stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} on #/{1} in {2}")
    @CsvSource({
            "sup.wang, supervisor, en, true",
            "sup.wang, supervisor, zh-CN, true",
            "admin, admin, en, true",
            "admin, admin, zh-CN, true",
            "agent-017, agent, en, false",
            "qian.hua, dispatcher, zh-CN, false",
    })
    void warnsSupervisorsAndAdministratorsExactlyWhileNextYearsCalendarIsMissing(String person, String page,
                                                                                 String language, boolean warned) {
        browser.signInAs(person).visit("#/" + page).language(language);
        browser.waitUntil(driver -> !driver.findElements(By.cssSelector("main#view > *")).isEmpty());

        if (!warned) {
            assertThat(browser.findAll(By.id("calendar-warning"))).as("a warning for " + person).isEmpty();
            assertThat(requestsTo("/api/v1/calendars")).as("the calendar asked for " + person).isZero();
            browser.screenshot(page + "-" + language + "-not-warned");
            return;
        }
        String known = browser.waitUntil(driver -> {
            String state = driver.findElement(By.id("calendar-warning")).getAttribute("data-calendar");
            return "reading".equals(state) ? null : state;
        });
        JsonNode calendars = calls.calendars();
        boolean missing = calendars.get("nextYearMissing").asBoolean();
        assertThat(known).isEqualTo(missing ? "missing" : "held");
        WebElement warning = browser.driver().findElement(By.cssSelector("#frame #calendar-warning"));
        assertThat(warning.isDisplayed()).as("the warning shown").isEqualTo(missing);
        if (missing) {
            int year = calendars.get("nextYear").asInt();
            assertThat(warning.getText()).startsWith("en".equals(language)
                    ? "The business calendar for " + year + " is missing: deadlines that reach into " + year
                    + " count Monday–Friday weeks and are provisional."
                    : "缺少 " + year + " 年的工作日历：延伸到 " + year + " 年的时限暂按周一至周五计算，为暂定时限。");
            boolean english = "en".equals(language);
            if (ADMIN.equals(person)) {
                assertThat(browser.find(By.cssSelector("#calendar-warning a[href='#/admin']")).getText())
                        .isEqualTo(english ? "Upload it on the admin page." : "请在系统管理页面上传。");
            } else {
                assertThat(warning.getText()).endsWith(english ? "An administrator uploads it on the admin page."
                        : "请系统管理员在系统管理页面上传。");
                assertThat(browser.findAll(By.cssSelector("#calendar-warning a"))).isEmpty();
            }
        }
        browser.screenshot(page + "-" + language + (missing ? "-warned" : "-calendar-held"));

        // the page drawn again (another language) keeps it
        browser.language("en".equals(language) ? "zh-CN" : "en");
        assertThat(browser.driver().findElement(By.cssSelector("#frame #calendar-warning")).isDisplayed())
                .isEqualTo(missing);
    }

    @Test
    void marksADispatchersDeadlineProvisionalExactlyWhereTheServiceSaysSo() throws Exception {
        JsonNode complaint = calls.register("SERVICE_ATTITUDE", "Tianqiao", "Wang Fang", "13805310077",
                "The counter clerk was rude " + UUID.randomUUID());
        String complaintId = complaint.get("id").asText();
        String number = complaint.get("number").asText();
        String ticketId = calls.ticketOf(complaintId);
        browser.signInAs("sun.li").visit("#/dispatcher").language("en");
        browser.choose(By.id("branch"), "TIANQIAO-01");
        browser.waitFor(By.cssSelector("#queue[data-branch='TIANQIAO-01'][data-loaded]"));
        browser.click(By.cssSelector("#queue tr[data-complaint-number='" + number + "'] button.open-ticket"));
        browser.waitForText(By.id("detail-number"), number);
        browser.waitFor(By.cssSelector("#ticket-clocks li[data-clock]"));

        List<JsonNode> clocks = list(calls.clocks(complaintId).get("clocks")).stream()
                .filter(clock -> ticketId.equals(clock.path("ticketId").asText()) || "OUTSIDE".equals(clock.get("kind").asText()))
                .toList();
        assertThat(clocks).isNotEmpty();
        for (JsonNode clock : clocks) {
            boolean provisional = clock.get("provisional").asBoolean();
            String item = "#ticket-clocks li[data-clock='" + clock.get("kind").asText() + "']";
            assertThat(browser.find(By.cssSelector(item)).getAttribute("data-provisional")).as(item)
                    .isEqualTo(String.valueOf(provisional));
            assertThat(browser.findAll(By.cssSelector(item + " .provisional"))).as(item + " marked")
                    .hasSize(provisional ? 1 : 0);
        }
        browser.screenshot("dispatcher-deadlines");

        // Whether a deadline of today reaches a year without a calendar depends on the day the test runs: the mark's
        // drawing is also held to the API's shape, with the same clock once as provisional and once not.
        JsonNode clock = clocks.get(0);
        Map<?, ?> marked = drawn(clock, true);
        assertThat(marked.get("provisional")).isEqualTo("true");
        assertThat(marked.get("word")).isEqualTo("provisional");
        assertThat((String) marked.get("title")).contains("not uploaded yet", "Monday–Friday");
        assertThat(drawn(clock, false).get("word")).isNull();
        browser.language("zh-CN");
        assertThat(drawn(clock, true).get("word")).isEqualTo("暂定");
    }

    private void openTheAdminPage(String language) {
        browser.signInAs(ADMIN).visit("#/admin").language(language);
        browser.waitFor(By.id("calendars-table"));
    }

    /** The year's row as the page lists it: year, source, version, uploaded by, uploaded at. */
    @SuppressWarnings("unchecked")
    private List<String> shownRows() {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll('#calendars-table tbody tr'),"
                + " row => [row.dataset.year, row.dataset.source, row.dataset.version,"
                + " row.querySelector('.uploaded-by').textContent,"
                + " row.querySelector('.uploaded-at time')?.getAttribute('datetime') ?? '—'].join(' '))");
    }

    private static List<String> rowsOf(JsonNode calendars) {
        return list(calendars.get("years")).stream().map(year -> String.join(" ", year.get("year").asText(),
                year.get("source").asText(), year.get("version").isNull() ? "" : year.get("version").asText(),
                year.get("uploadedBy").isNull() ? "—" : year.get("uploadedBy").asText(),
                year.get("uploadedAt").isNull() ? "—" : year.get("uploadedAt").asText())).toList();
    }

    private static JsonNode yearOf(JsonNode calendars, int year) {
        return StackCalls.first(calendars.get("years"), held -> held.get("year").asInt() == year).orElseThrow();
    }

    /** The version of the year uploaded so far; 0 when it was never uploaded (the stack is shared by the run). */
    private static int versionOf(JsonNode calendars, int year) {
        return StackCalls.first(calendars.get("years"), held -> held.get("year").asInt() == year)
                .map(held -> held.get("version").asInt(0)).orElse(0);
    }

    private static String nextYearState(JsonNode calendars) {
        return calendars.get("nextYearHeld").asBoolean() ? "held"
                : calendars.get("nextYearMissing").asBoolean() ? "missing" : "notYet";
    }

    private static String rowSelector(int year) {
        return "#calendars-table tr[data-year='" + year + "']";
    }

    @SuppressWarnings("unchecked")
    private List<String> listedEntries() {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll('#calendar-errors li'),"
                + " entry => entry.textContent)");
    }

    /** How many requests the page made to the upload's path (the browser's resource timings count every fetch). */
    private long uploadsSent() {
        return requestsTo("/api/v1/admin/calendars/");
    }

    private long requestsTo(String path) {
        return (Long) browser.script("return performance.getEntriesByType('resource')"
                + ".filter(entry => new URL(entry.name).pathname.startsWith(arguments[0])).length", path);
    }

    /** What the dispatcher's clock list draws for the clock, as the API gave it but provisional or not. */
    private Map<?, ?> drawn(JsonNode clock, boolean provisional) throws Exception {
        return (Map<?, ?>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const [json, provisional, done] = arguments;
                import('/js/pages/dispatcher/clocks.js').then(clocks => {
                  const list = clocks.clockList([{ ...JSON.parse(json), provisional }], { withStopped: true });
                  const mark = list.querySelector('li .provisional');
                  done({ provisional: list.querySelector('li').dataset.provisional,
                    word: mark ? mark.textContent : null, title: mark ? mark.title : null });
                }, failure => done({ failure: String(failure) }));
                """, JSON.writeValueAsString(clock), provisional);
    }
}
