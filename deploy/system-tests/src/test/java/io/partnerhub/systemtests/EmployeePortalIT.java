package io.partnerhub.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.restassured.RestAssured;

/**
 * The employee's portal (issue 27), by keyboard only, in one signed-in browser: Fay accepts her organisation's
 * invitation, books an exam with her Exam Replay voucher (from the voucher list: "Use for a booking"), cancels the booking
 * in its dialog (the voucher comes back), filters the certification catalogue and reads what she still needs, renews a
 * certification by its renewal assessment from the transcript, creates a share link of her transcript (it opens without
 * a token) and revokes it (it no longer does). Every employee page passes axe-core (0 serious/critical, the cancel
 * dialog open too) and is photographed at 375 and 1280 px ({@link PortalChecks}, {@code employee-*.png}). The
 * portal's event-stream parser is checked against the specification's examples in the page. The clocks move back (200
 * days for the holding to renew, 3 days for the failed attempt the voucher needs) only during the set-up.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(6)
class EmployeePortalIT {

    private static final Duration LIVE = Duration.ofSeconds(10);
    private static HeadlessChromium browser;
    private static PortalChecks checks;
    private static String gateway;
    private static String suffix;
    private static String org;
    private static String orgName;
    private static String fay;
    private static String retakeExam;
    private static String retakeCertification;
    private static String renewExam;
    private static String renewCertification;
    private static String holding;
    private static String voucher;
    private static Programme.Invitation invitation;

    /** As PortalIT: every Content-Security-Policy violation, recorded before any script of a page runs. */
    private static final String RECORD_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', (e) => {
              try {
                const seen = JSON.parse(sessionStorage.getItem('portalit.csp') || '[]');
                seen.push(`${location.pathname}${location.hash}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
                sessionStorage.setItem('portalit.csp', JSON.stringify(seen));
              } catch (ignored) { /* a page without storage */ }
            }, true);""";

    @BeforeAll
    static void programmeAndBrowser() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Chromium is not installed (" + HeadlessChromium.CHROMIUM
                + "): apt-get install chromium chromium-driver, as .ci/run does");
        suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toLowerCase(Locale.ROOT);
        fay = "cand-fay-" + suffix;
        orgName = "Employee Portal " + suffix;
        org = RunningSuite.api("ops", Map.of())
                .body(Map.of("mpnId", Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)),
                        "name", orgName, "country", "DE"))
                .post("/organizations").then().statusCode(201).extract().path("id");
        invitation = Programme.invite(org, "Fay Weldon", fay + "@example.com");
        retakeExam = "ER-" + suffix.toUpperCase(Locale.ROOT);
        retakeCertification = "employee-retake-" + suffix;
        RunningSuite.certificationOfOneExam(retakeExam, retakeCertification, "ASSOCIATE");
        renewExam = "EN-" + suffix.toUpperCase(Locale.ROOT);
        renewCertification = "employee-renew-" + suffix;
        RunningSuite.certificationOfOneExam(renewExam, renewCertification, "EXPERT");

        // a holding 200 days old (inside its renewal window now), and a failed attempt 3 days ago (the voucher needs one)
        Instant earned = Instant.now().minus(Duration.ofDays(200)).plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        RunningSuite.moveClocks("-P200D");
        String passing = RunningSuite.bookAtTestCenter(fay, renewExam, earned);
        RunningSuite.moveClocks("-P199DT21H");
        result(passing, earned, 880);
        Instant failed = Instant.now().minus(Duration.ofDays(3)).plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        RunningSuite.moveClocks("-P3D");
        String failing = RunningSuite.bookAtTestCenter(fay, retakeExam, failed);
        RunningSuite.moveClocks("-P2DT21H");
        result(failing, failed, 200);
        RunningSuite.moveClocks("PT0S");
        holding = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                RunningSuite.api("ops", Map.of()).queryParam("candidateId", fay).get("/certification-holdings")
                        .then().statusCode(200).extract().jsonPath().<String>getList("id"), ids -> ids.size() == 1).get(0);
        arithmeticBank("/certifications/" + renewCertification + "/renewal-questions",
                "/certifications/" + renewCertification + "/renewal-blueprint");
        voucher = RunningSuite.api("ops", Map.of()).body(Map.of("examCode", retakeExam,
                        "expiresOn", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))
                .post("/exam-candidates/{c}/vouchers", fay).then().statusCode(201).extract().path("id");

        gateway = RunningSuite.service("gateway").baseUrl();
        browser = new HeadlessChromium(Path.of("target", "portal-screenshots"));
        checks = new PortalChecks(browser, "employee");
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CSP_VIOLATIONS));
        browser.driver.get(gateway + "/");
        browser.await(By.id("token")).sendKeys(RunningSuite.stack().token("employee", Map.of("org", org, "candidate", fay)));
        press(Keys.TAB, Keys.ENTER); // the Sign in button follows the token field
        browser.await(By.cssSelector(".transcript"));
    }

    @AfterEach
    void noContentSecurityPolicyViolation() {
        Object seen = browser.driver.executeScript("return sessionStorage.getItem('portalit.csp');");
        assertEquals(null, seen, "Content-Security-Policy violations on the pages of this test");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        RunningSuite.moveClocks("PT0S");
    }

    @Test
    @Order(1)
    void fayAcceptsTheInvitationOfHerOrganisation() {
        activate(link("Join your organisation"));
        WebElement code = tabTo(e -> "join-code".equals(e.getDomAttribute("id")));
        checks.page("join");
        code.sendKeys(invitation.code());
        press(Keys.ENTER);
        browser.awaitText(By.id("joined"), "You joined " + orgName, LIVE);
        RunningSuite.api("ops", Map.of()).get("/organizations/{id}/users?size=100", org).then().statusCode(200)
                .body("find { it.email == '" + fay + "@example.com' }.candidateId", equalTo(fay));
    }

    @Test
    @Order(2)
    void fayBooksTheRetakeWithHerVoucherFromTheExamsPages() {
        activate(link("Exams"));
        browser.await(By.cssSelector("table.exam-catalogue"));
        checks.page("exams");
        activate(link("My vouchers"));
        browser.awaitText(By.cssSelector("tr[data-voucher='" + voucher + "']"), "Available", LIVE);
        checks.page("vouchers");
        activate(e -> ("use-" + voucher).equals(e.getDomAttribute("id")));
        browser.awaitText(By.id("exam-state"), "active", LIVE);
        assertEquals(voucher, browser.await(By.id("book-voucher")).getDomProperty("value"), "the voucher is chosen");
        assertTrue(browser.driver.findElement(By.id("passing-score")).getText().startsWith("700"));
        browser.awaitText(By.cssSelector(".skills"), "Everything", LIVE);
        browser.awaitText(By.id("eligibility"), "You can book", LIVE);
        checks.page("exam-details");
        activate(e -> "Book".equals(e.getText().trim()));
        browser.awaitText(By.id("booked"), "paid with your voucher", LIVE);
        RunningSuite.api("ops", Map.of()).get("/exam-candidates/{c}/vouchers", fay).then().statusCode(200)
                .body("find { it.id == '" + voucher + "' }.status", equalTo("USED"));
    }

    @Test
    @Order(3)
    void fayCancelsTheBookingInItsDialogAndGetsTheVoucherBack() {
        String registration = RunningSuite.api("ops", Map.of()).get("/exam-candidates/{c}/registrations", fay).then()
                .statusCode(200).header("X-Total-Count", "3").body("[0].voucherId", equalTo(voucher)).extract().path("[0].id");
        activate(link("My registrations"));
        browser.await(By.cssSelector("tr[data-registration='" + registration + "']"));
        checks.page("registrations");
        activate(e -> ("cancel-" + registration).equals(e.getDomAttribute("id")));
        WebElement dialog = browser.await(By.id("cancel-dialog"));
        browser.await(d -> dialog.getDomAttribute("open") != null, LIVE);
        checks.axe("registrations: cancel dialog");
        activate(e -> "confirm-cancel".equals(e.getDomAttribute("id")));
        browser.awaitText(By.id("registrations-status"), "your voucher is available again", LIVE);
        browser.awaitText(By.cssSelector("tr[data-registration='" + registration + "']"), "Cancelled", LIVE);
        RunningSuite.api("ops", Map.of()).get("/exam-candidates/{c}/vouchers", fay).then().statusCode(200)
                .body("find { it.id == '" + voucher + "' }.status", equalTo("AVAILABLE"));
    }

    @Test
    @Order(4)
    void fayFiltersTheCertificationsAndReadsWhatSheStillNeeds() {
        activate(link("Certifications"));
        WebElement role = tabTo(e -> "cert-role".equals(e.getDomAttribute("id")));
        role.sendKeys(suffix);
        browser.awaitText(By.id("cert-count"), "2 of", LIVE);
        browser.awaitText(By.cssSelector("[data-certification='" + retakeCertification + "'] [data-still-needed]"),
                "You still need: " + retakeExam, LIVE);
        browser.awaitText(By.cssSelector("[data-certification='" + renewCertification + "'] [data-still-needed]"),
                "You hold it", LIVE);
        checks.page("certifications");
        press(Keys.TAB); // to "Only those I do not hold"
        press(Keys.SPACE);
        browser.awaitText(By.id("cert-count"), "1 of", LIVE);
    }

    @Test
    @Order(5)
    void fayRenewsHerCertificationByTheAssessmentFromTheTranscript() {
        String expiresBefore = RunningSuite.api("ops", Map.of()).get("/certification-holdings/{id}", holding).then()
                .statusCode(200).extract().path("expiresAt");
        activate(link("My transcript"));
        browser.awaitText(By.cssSelector("[data-holding='" + holding + "']"), "Renewal window open", LIVE);
        checks.page("transcript");
        activate(e -> ("renew-" + holding).equals(e.getDomAttribute("id")));
        browser.awaitText(By.id("question-heading"), "Question 1 of 4", LIVE);
        checks.page("renewal-assessment");
        for (int number = 1; number <= 4; number++) {
            Matcher sum = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?").matcher(browser.driver.findElement(By.id("question-text")).getText());
            assertTrue(sum.find(), "a demo question");
            String answer = Integer.toString(Integer.parseInt(sum.group(1)) + Integer.parseInt(sum.group(2)));
            List<WebElement> options = browser.driver.findElements(By.cssSelector(".question label.option"));
            int choice = 0;
            while (!options.get(choice).getText().trim().equals(answer)) {
                choice++;
            }
            tabTo(e -> "radio".equals(e.getDomAttribute("type")));
            if (choice == 0) {
                press(Keys.SPACE);
            }
            for (int i = 0; i < choice; i++) {
                press(Keys.ARROW_DOWN);
            }
            WebElement chosen = options.get(choice).findElement(By.tagName("input"));
            browser.await(d -> chosen.isSelected(), LIVE);
            if (number < 4) {
                activate(e -> "Next".equals(e.getText().trim()));
                String next = "Question " + (number + 1) + " of 4";
                browser.await(d -> d.switchTo().activeElement().getText().contains(next), LIVE);
            }
        }
        activate(e -> "Submit".equals(e.getText().trim()));
        browser.awaitText(By.id("score"), "Passed", LIVE);
        String expiresAfter = RunningSuite.api("ops", Map.of()).get("/certification-holdings/{id}", holding).then()
                .statusCode(200).extract().path("expiresAt");
        assertTrue(Instant.parse(expiresAfter).isAfter(Instant.parse(expiresBefore).plus(Duration.ofDays(364))),
                expiresBefore + " -> " + expiresAfter);
        browser.awaitText(By.id("renewal-outcome"), "now expires " + expiresAfter.substring(0, 10), LIVE);
        checks.page("renewal-report");
        activate(e -> "Back to my transcript".equals(e.getText().trim()));
        browser.awaitText(By.cssSelector("[data-holding='" + holding + "']"), "expires " + expiresAfter.substring(0, 10), LIVE);
    }

    @Test
    @Order(6)
    void faySharesHerTranscriptAndRevokesTheLink() {
        browser.await(By.cssSelector(".share-links"));
        activate(e -> "share-transcript".equals(e.getDomAttribute("id")));
        String link = browser.await(By.id("shared-link")).getDomProperty("value");
        String code = link.substring(link.lastIndexOf('/') + 1);
        RestAssured.given().get(link).then().statusCode(200).body("candidateId", equalTo(fay));
        browser.awaitText(By.cssSelector("tr[data-share-code='" + code + "']"), "active", LIVE);
        checks.page("transcript-shared");
        activate(e -> ("revoke-" + code).equals(e.getDomAttribute("id")));
        // the row's status reads "revoked <when>" and its Revoke button is gone (its Expires column says "when revoked")
        By row = By.cssSelector("tr[data-share-code='" + code + "']");
        browser.await(d -> d.findElements(By.id("revoke-" + code)).isEmpty()
                && d.findElement(row).getText().toLowerCase(Locale.ROOT).matches("(?s).*revoked \\d.*"), LIVE);
        RestAssured.given().get(link).then().statusCode(404);
    }

    @Test
    @Order(7)
    void theOtherEmployeePagesPassTheChecks() {
        activate(link("My badges"));
        browser.await(By.cssSelector("li.badge"));
        checks.page("badges");
        activate(link("Assessments"));
        browser.await(By.cssSelector(".assessments, [aria-labelledby='mine-heading']"));
        checks.page("assessments");
        activate(link("Notifications"));
        browser.await(By.cssSelector("ul.preferences input"));
        checks.page("notifications");
        activate(link("My organisation"));
        browser.await(By.cssSelector(".dashboard"));
        checks.page("my-organisation");
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void theEventStreamParserFollowsTheSpecification() {
        Object seen = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/portal/api.js').then((api) => {
                  const seen = [];
                  const parser = api.eventStreamParser((type, data, id) => seen.push([type, data, id]));
                  [': keep-alive\\r', '\\nevent: status\\r\\ndata: {"a":', '1}\\r', '\\n\\r\\n', 'data:  two\\ndata\\ndata: x\\nid: 7\\n\\n',
                   'data: only\\r\\rretry: 5x\\nevent: nothing\\n\\n', 'data: unfinished'].forEach((c) => parser.push(c));
                  done(JSON.stringify(seen));
                }, (e) => done(String(e)));""");
        assertEquals("[[\"status\",{\"a\":1},\"\"],[\"message\",\" two\\n\\nx\",\"7\"],[\"message\",\"only\",\"7\"]]", seen);
    }

    private static By link(String text) {
        return By.linkText(text);
    }

    /** Tabs to the link and presses Enter. */
    private static void activate(By linkLocator) {
        WebElement target = browser.await(linkLocator);
        activate(e -> e.equals(target));
    }

    private static void activate(Predicate<WebElement> wanted) {
        tabTo(wanted);
        press(Keys.ENTER);
    }

    /** Presses Tab until the focused element is the one wanted (at most 120 times) and answers it. */
    private static WebElement tabTo(Predicate<WebElement> wanted) {
        for (int presses = 0; presses < 120; presses++) {
            WebElement focused = browser.driver.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("not reached by keyboard: " + browser.driver.switchTo().activeElement().getText());
    }

    private static void press(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    private static void result(String registration, Instant booked, int score) {
        RunningSuite.asPearsonVue().body(Map.of("providerResultId", "EP-" + UUID.randomUUID(), "registrationId", registration,
                        "score", score, "takenAt", booked.plus(Duration.ofMinutes(30)).toString()))
                .post("/exam-results").then().statusCode(201).body("passed", equalTo(score >= 700));
    }

    /** 6 questions "What is a + b?" in each of 2 skill areas, a blueprint of 4 (pass at 60 %), as ops. */
    private static void arithmeticBank(String questions, String blueprint) {
        List<Map<String, Object>> bank = new ArrayList<>();
        for (String area : List.of("sums", "more-sums")) {
            for (int i = 1; i <= 6; i++) {
                int a = area.equals("sums") ? i : 20 + i;
                int b = 3 + 2 * i;
                int sum = a + b;
                bank.add(Map.of("skillArea", area, "kind", "SINGLE", "text", "What is " + a + " + " + b + "?",
                        "explanation", a + " + " + b + " = " + sum, "options", List.of(option(sum + 1, false),
                                option(sum, true), option(sum - 1, false), option(sum + 10, false))));
            }
        }
        RunningSuite.api("ops", Map.of()).body(bank).post(questions + "/import").then().statusCode(200);
        RunningSuite.api("ops", Map.of()).body(Map.of("questionCount", 4, "timeLimitMinutes", 20, "passMarkPercent", 60,
                        "skillAreas", List.of(Map.of("id", "sums", "name", "Sums", "share", 50),
                                Map.of("id", "more-sums", "name", "More sums", "share", 50))))
                .put(blueprint).then().statusCode(200);
    }

    private static Map<String, Object> option(int value, boolean correct) {
        return Map.of("text", Integer.toString(value), "correct", correct);
    }
}
