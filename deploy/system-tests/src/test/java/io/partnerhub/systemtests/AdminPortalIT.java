package io.partnerhub.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.restassured.path.json.JsonPath;

/**
 * The partner-admin's and ops' portal pages of issue 27 in headless Chromium, by keyboard only (Tab / Shift-Tab to a
 * control, Enter or Space on it, typing into fields): a partner-admin invites a person, imports a CSV, records a
 * departure, finds them in the activity log and on the Departures page, reads the status history chart (level and
 * have/need over time, and its table), the requirements and roadmap, and the performance history with a corrected
 * figure; ops add an exam and a competency through the catalogue forms, read the clock, and fix a dead letter that
 * a malformed event left in certification-service (the producer sends the corrected event under the same id; the
 * redrive then finds it applied). One browser, one sign-in per persona; on every page axe-core (0 serious/critical) and
 * a screenshot at 375 and 1280 px ({@link PortalChecks}; People and Activity are PortalIT's screenshots, axe only here).
 * Does not move the suite's clock.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(6)
class AdminPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static HeadlessChromium browser;
    /** axe-core and the screenshots at 375 and 1280 px per page and persona (PortalChecks, shared with the other portal ITs). */
    private static PortalChecks admin;
    private static PortalChecks ops;
    private static String gateway;
    private static Programme.Track track;
    private static String org;
    private static String ada;
    private static String adaUser;
    private static String suffix;

    @BeforeAll
    static void organisationAndBrowser() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Chromium is not installed (" + HeadlessChromium.CHROMIUM + ")");
        suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toLowerCase(Locale.ROOT);
        track = Programme.track("adm" + suffix, 1, 2);
        org = Programme.organization("Admin Portal " + suffix);
        ada = Programme.candidate("ada");
        adaUser = Programme.hire(org, ada);
        Programme.pass(ada, track.exam());
        Programme.awaitStatus(org, track.competency(), s -> "SILVER".equals(s.getString("level")), "Silver attained");
        // a figure and its correction: the history keeps both
        LocalDate start = Programme.today().withDayOfMonth(1).minusMonths(3);
        for (int value : new int[] {120_000, 126_000}) {
            Programme.ops().body(Map.of("metric", "REVENUE", "value", value, "periodStart", start.toString(),
                    "periodEnd", start.plusMonths(1).minusDays(1).toString()))
                    .post("/organizations/{id}/performance-reports", org).then().statusCode(value == 120_000 ? 201 : 200);
        }
        gateway = RunningSuite.service("gateway").baseUrl();
        browser = new HeadlessChromium(Path.of("target", "portal-screenshots"));
        admin = new PortalChecks(browser, "partner-admin");
        ops = new PortalChecks(browser, "ops");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void partnerAdminInvitesImportsRecordsADepartureAndReadsTheActivity() throws Exception {
        signIn(RunningSuite.stack().token("partner-admin", Map.of("org", org)));
        go("People");
        tabTo(id("i-name"));
        type("Di Newcomer", Keys.TAB, "di-" + suffix + "@example.com", Keys.ENTER);
        browser.await(By.id("invitation-code"));
        activate(text("Done"));
        tabTo(id("csv-text"));
        type(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "name,email,role", Keys.ENTER, "Cy Young,cy-" + suffix + "@example.com,EMPLOYEE");
        activate(text("Import"));
        seen(By.cssSelector("table.report"), "CREATED");

        activate(e -> ("depart-" + adaUser).equals(e.getDomAttribute("id")));
        browser.await(d -> { try { return d.switchTo().alert(); } catch (RuntimeException e) { return null; } }, WAIT).accept();
        seen(By.cssSelector("[data-user='" + adaUser + "']"), "departed");
        admin.axe("people: after the import and the departure"); // PortalIT screenshots People

        go("Activity");
        for (String kind : List.of("INVITATION_CREATED", "USERS_IMPORTED", "USER_DEPARTED")) {
            browser.await(By.cssSelector("table.activity-log tr[data-kind='" + kind + "']"));
        }
        admin.axe("activity");

        go("Departures");
        seen(By.id("departures"), "Person " + ada);
        admin.page("departures");
    }

    @Test
    @Order(2)
    void partnerAdminReadsTheHistoryChartTheRequirementsAndThePerformanceHistory() throws Exception {
        // the departure leaves Silver at risk: two changes in the history, each with its have/need
        Programme.awaitStatus(org, track.competency(), s -> s.getBoolean("atRisk"), "at risk after the departure");
        go("Status history");
        tabTo(id("history-competency"));
        type("Competency " + track.competency()); // the select's type-ahead picks it
        WebElement level = browser.await(By.id("level-" + track.competency()));
        String words = seen(By.cssSelector("#level-" + track.competency() + " .chart-summary"), "at risk").getText();
        assertTrue(words.contains("Silver attained"), words);
        String desc = (String) browser.driver.executeScript("return document.querySelector(arguments[0]).textContent;",
                "#level-" + track.competency() + " svg desc");
        assertEquals(words, desc.trim(), "the SVG's text alternative says the same");
        String progress = browser.await(By.cssSelector("#progress-" + track.competency() + " .chart-summary")).getText();
        assertTrue(progress.contains("1 of 1 → 0 of 1"), progress);
        tabTo(e -> "Show as table".equals(e.getText()) && level.findElements(By.xpath(".//button")).contains(e));
        press(Keys.ENTER);
        WebElement table = seen(By.cssSelector("#level-" + track.competency() + "-table table"), "at risk");
        assertEquals(2, table.findElements(By.cssSelector("tbody tr")).size(), table.getText());
        browser.await(By.id("forecast-chart"));
        admin.page("status-history");

        go("Requirements");
        tabTo(id("requirements-competency"));
        type("Competency " + track.competency());
        browser.await(By.cssSelector(".roadmap[data-competency='" + track.competency() + "']"));
        seen(By.cssSelector(".roadmap"), "In effect: version");
        WebElement selected = browser.driver.findElement(By.cssSelector("#requirements-competency option:checked"));
        assertTrue(selected.getText().contains("(yours)"), selected.getText());
        seen(By.cssSelector(".roadmap"), "not met yet");
        browser.await(By.cssSelector(".roadmap .cred-name[title='" + track.certification() + "']"));
        browser.await(By.id("area-requirements-heading"));
        admin.page("requirements");

        go("Performance");
        seen(By.cssSelector("table.figures-table"), "126,000");
        seen(By.cssSelector("#performance-revenue .chart-summary"), "1 earlier value was corrected");
        WebElement history = seen(By.cssSelector("table.history-table"), "superseded");
        assertTrue(history.getText().contains("120,000"), history.getText());
        admin.page("performance");
    }

    @Test
    @Order(3)
    void opsBrowseTheCataloguesAndAddAnExamAndACompetency() throws Exception {
        signIn(RunningSuite.stack().token("ops", Map.of()));
        browser.await(By.cssSelector(".org-list"));
        ops.page("organisations");
        go("Catalogues");
        seen(By.cssSelector(".catalogues caption"), "Exams");
        String code = "ADM-" + suffix.toUpperCase(Locale.ROOT);
        tabTo(id("new-exam-code"));
        type(code, Keys.TAB, "Admin portal exam " + suffix);
        tabTo(id("new-exam-skills"));
        type("Design; 40; 60");
        activate(text("Add an exam"));
        seen(By.cssSelector("#new-exam .created"), "Created: Admin portal exam " + suffix);
        Programme.ops().get("/exams/{code}", code).then().statusCode(200).body("skillsMeasured[0].weightMax", equalTo(60));
        ops.page("catalogue-exams");

        activate(e -> "Competencies".equals(e.getText()) && "A".equals(e.getTagName().toUpperCase(Locale.ROOT)));
        tabTo(id("new-competency-id"));
        type("adm-portal-" + suffix, Keys.TAB, "Admin Portal " + suffix);
        activate(text("Add a competency"));
        seen(By.cssSelector("#new-competency .created"), "Created: Admin Portal " + suffix);
        ops.page("catalogue-competencies");

        activate(e -> "Certifications".equals(e.getText()) && "A".equals(e.getTagName().toUpperCase(Locale.ROOT)));
        seen(By.cssSelector(".catalogues caption"), "Certifications");
        ops.page("catalogue-certifications");
        activate(e -> "Assessments".equals(e.getText()) && "A".equals(e.getTagName().toUpperCase(Locale.ROOT)));
        seen(By.cssSelector(".catalogues caption"), "Assessments");
        ops.page("catalogue-assessments");
        activate(e -> "Solution areas".equals(e.getText()) && "A".equals(e.getTagName().toUpperCase(Locale.ROOT)));
        seen(By.cssSelector(".catalogues caption"), "Solution areas");
        ops.page("catalogue-solution-areas");

        go("Clock");
        seen(By.id("clocks"), "certification-service");
        ops.page("clock");
    }

    @Test
    @Order(4)
    void opsFixADeadLetter() throws Exception {
        // a malformed exam.passed (no attemptId, score or takenAt): certification-service dead-letters it after 3 tries
        String eventId = UUID.randomUUID().toString();
        String candidate = Programme.candidate("dlq");
        send(eventId, candidate, Map.of("candidateId", candidate, "examCode", track.exam()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                Programme.ops().get("/admin/dead-letters?service=certification&size=100").then().statusCode(200)
                        .body("services[0].items.ceId", hasItem(eventId)));
        String letter = Programme.ops().get("/admin/dead-letters?service=certification&size=100").then().extract().jsonPath()
                .getString("services[0].items.find { it.ceId == '" + eventId + "' }.id");

        go("Dead letters");
        tabTo(id("dead-letter-service"));
        type("c"); // certification-service, the first service starting with c
        browser.await(By.cssSelector("[data-service='certification-service'] h3"));
        WebElement row = browser.await(By.cssSelector("[data-dead-letter='" + letter + "']"));
        assertTrue(row.getText().contains("attemptId"), row.getText());
        activate(id("redrive-" + letter));
        seen(By.id("redrive-" + letter + "-why"), "Redrive failed"); // still malformed: stays listed
        ops.page("dead-letters");

        // the producer's fix: the corrected event under the same id; applied, so the redrive finds it done
        send(eventId, candidate, Map.of("candidateId", candidate, "examCode", track.exam(), "attemptId", UUID.randomUUID().toString(),
                "score", 800, "takenAt", Programme.now().minusSeconds(60).toString()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                Programme.ops().get("/transcripts/{c}", candidate).then().statusCode(200)
                        .body("passedExams.examCode", hasItem(track.exam())));
        tabTo(id("redrive-" + letter));
        press(Keys.ENTER);
        seen(By.id("dead-letter-done"), "applied already");
        browser.await(d -> d.findElements(By.cssSelector("[data-dead-letter='" + letter + "']")).isEmpty(), WAIT);
        JsonPath after = Programme.ops().get("/admin/dead-letters?service=certification&size=100").then().extract().jsonPath();
        assertTrue(!after.getList("services[0].items.ceId").contains(eventId), "no longer listed");
    }

    private static void send(String eventId, String candidate, Map<String, Object> data) throws Exception {
        String event = EventLog.cloudEvent("io.partnerhub.exam.passed.v1", candidate, data)
                .replaceFirst("\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"" + eventId + "\"");
        ProducerRecord<String, String> record = new ProducerRecord<>("exam-events", candidate, event);
        record.headers().add("ce_type", "io.partnerhub.exam.passed.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = SuiteBroker.producer()) {
            producer.send(record).get();
        }
    }

    private static void signIn(String token) {
        browser.signedOut(gateway + "/").sendKeys(token);
        press(Keys.TAB, Keys.ENTER); // the Sign in button follows the token field
        browser.await(By.cssSelector("nav[aria-label='Portal pages']"));
    }

    /** A page of the nav, reached by Tab from the top of the page and opened with Enter. */
    private static void go(String link) {
        browser.driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        activate(e -> link.equals(e.getText()) && e.findElements(By.xpath("./ancestor::nav[@aria-label='Portal pages']")).size() == 1);
        browser.await(d -> d.findElements(By.cssSelector("main .loading")).isEmpty(), WAIT);
    }

    /** The first element located whose text contains {@code text} (case-insensitive), once there; re-rendered ones are read again. */
    private static WebElement seen(By locator, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return browser.await(d -> {
            try {
                return d.findElements(locator).stream().filter(e -> e.getText().toLowerCase(Locale.ROOT).contains(wanted))
                        .findFirst().orElse(null);
            } catch (StaleElementReferenceException e) {
                return null;
            }
        }, WAIT);
    }

    private static Predicate<WebElement> id(String id) {
        return e -> id.equals(e.getDomAttribute("id"));
    }

    private static Predicate<WebElement> text(String text) {
        return e -> text.equals(e.getText().trim());
    }

    private static void type(CharSequence... keys) {
        press(keys);
    }

    private static void press(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    private static void activate(Predicate<WebElement> wanted) {
        tabTo(wanted);
        press(Keys.ENTER);
    }

    private static WebElement tabTo(Predicate<WebElement> wanted) {
        return tabUntil(wanted, Keys.TAB);
    }

    private static WebElement tabUntil(Predicate<WebElement> wanted, CharSequence key) {
        for (int presses = 0; presses < 300; presses++) {
            WebElement focused = browser.driver.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
            press(key);
        }
        throw new AssertionError("not reached by keyboard: " + browser.driver.switchTo().activeElement().getText());
    }
}
