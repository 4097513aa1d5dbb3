package io.partnerhub.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

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

/**
 * Issue 27, the public pages in a real browser, by keyboard only: a partner-admin lists the organisation in the
 * directory (and sees the public preview); a visitor without a sign-in finds the partner in the directory, opens its
 * profile and verifies an organisation credential; opens a transcript its holder shared and, from it, the badge page,
 * which verifies the badge live. No Content-Security-Policy violation on any page; {@link PortalChecks} on each page
 * (axe-core 0 serious/critical, screenshots at 375 and 1280 px: {@code target/portal-screenshots/public-*}). Skipped
 * where Chromium is not installed.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(7) // after the other portal ITs, before the journeys that move the clocks by months (it moves them 3 h and back)
class PublicPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RECORD_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', (e) => {
              try {
                const seen = JSON.parse(sessionStorage.getItem('publicportalit.csp') || '[]');
                seen.push(`${location.hash}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
                sessionStorage.setItem('publicportalit.csp', JSON.stringify(seen));
              } catch (ignored) { /* about:blank */ }
            }, true);""";

    private static HeadlessChromium browser;
    private static String gateway;
    private static String org;
    private static String orgName;
    private static String certification;
    private static String competency;
    private static String holding;
    private static String shareCode;
    /** axe-core (0 serious/critical) and screenshots at 375 and 1280 px of each page a visitor sees. */
    private static PortalChecks visitor;

    @BeforeAll
    static void aPartnerWithACredentialAndAHolderWithABadge() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Chromium is not installed (" + HeadlessChromium.CHROMIUM + ")");
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toLowerCase(Locale.ROOT);
        String exam = "PP-" + suffix.toUpperCase(Locale.ROOT);
        certification = "public-associate-" + suffix;
        RunningSuite.certificationOfOneExam(exam, certification, "ASSOCIATE");
        competency = "public-cloud-" + suffix;
        RunningSuite.api("ops", Map.of()).body(Map.of("id", competency, "name", "Public Cloud " + suffix))
                .post("/competencies").then().statusCode(201);
        RunningSuite.defineRequirementVersion(() -> RunningSuite.api("ops", Map.of()), competency,
                Map.of("version", "v1", "effectiveFrom", LocalDate.now(ZoneOffset.UTC).toString(),
                        "silver", skill(1, certification), "gold", skill(5, certification)));
        orgName = "Public Gamma " + suffix;
        org = RunningSuite.api("ops", Map.of())
                .body(Map.of("mpnId", Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)),
                        "name", orgName, "country", "SE"))
                .post("/organizations").then().statusCode(201).extract().path("id");
        String candidate = "cand-pia-" + suffix;
        String user = RunningSuite.api("ops", Map.of())
                .body(Map.of("name", "Pia Public", "email", candidate + "@example.com", "role", "EMPLOYEE"))
                .post("/organizations/{id}/users", org).then().statusCode(201).extract().path("id");
        RunningSuite.api("ops", Map.of()).body(Map.of("candidateId", candidate, "reason", "PublicPortalIT set-up"))
                .post("/organizations/{id}/users/{user}/association", org, user).then().statusCode(200);

        Instant scheduledAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String registration = RunningSuite.bookAtTestCenter(candidate, exam, scheduledAt);
        RunningSuite.moveClocks("PT3H");
        try {
            RunningSuite.asPearsonVue().body(Map.of("providerResultId", "PP-" + UUID.randomUUID(), "registrationId", registration,
                    "score", 880, "takenAt", scheduledAt.plus(Duration.ofMinutes(30)).toString()))
                    .post("/exam-results").then().statusCode(201).body("passed", equalTo(true));
        } finally {
            RunningSuite.moveClocks("PT0S");
        }
        // the organisation attains Silver (one person is enough) and holds its organisation credential
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> RunningSuite.api("ops", Map.of())
                .get("/organization-credentials/organizations/{id}", org).then().statusCode(200)
                .body("credentials.status", hasItem("ACTIVE")));
        holding = await().atMost(WAIT).until(() -> RunningSuite.api("employee", Map.of("candidate", candidate, "org", org))
                .get("/certification-holdings?candidateId={c}", candidate).then().statusCode(200)
                .extract().jsonPath().<String>getList("id"), ids -> !ids.isEmpty()).get(0);
        shareCode = RunningSuite.api("employee", Map.of("candidate", candidate, "org", org)).body(Map.of())
                .post("/transcripts/{c}/share-codes", candidate).then().statusCode(201).extract().path("code");

        gateway = RunningSuite.service("gateway").baseUrl();
        browser = new HeadlessChromium(Path.of("target", "portal-screenshots"));
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CSP_VIOLATIONS));
        visitor = new PortalChecks(browser, "public");
    }

    @AfterEach
    void noContentSecurityPolicyViolation() {
        Object seen = browser.driver.executeScript("return sessionStorage.getItem('publicportalit.csp');");
        assertEquals(null, seen, "Content-Security-Policy violations on the pages of this test");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void thePartnerAdminListsTheOrganisationAndSeesThePublicPreview() throws Exception {
        browser.driver.get(gateway + "/");
        browser.await(By.id("token")).sendKeys(RunningSuite.stack().token("partner-admin", Map.of("org", org)));
        press(Keys.TAB, Keys.ENTER);
        activate(e -> "Directory listing".equals(e.getText()));
        WebElement listed = browser.await(By.id("listed"));
        assertEquals(null, listed.getAttribute("checked"), "off by default");
        browser.awaitText(By.cssSelector("[aria-label='Preview'] .partner"), orgName, WAIT);
        tabTo(e -> "listed".equals(e.getAttribute("id")));
        press(Keys.SPACE);
        browser.awaitText(By.id("listed-saved"), "Listed", WAIT);
        browser.awaitText(By.cssSelector("[aria-label='Preview'] .partner"), "Silver", WAIT);
        new PortalChecks(browser, "partner-admin").page("directory-listing");
        RunningSuite.api("partner-admin", Map.of("org", org)).get("/organizations/{id}/activity?kind=DIRECTORY_LISTING_CHANGED", org)
                .then().statusCode(200).body("details.listed", equalTo(List.of(true)));
        browser.driver.findElement(By.xpath("//button[normalize-space()='Sign out']")).sendKeys(Keys.ENTER);
        browser.await(By.id("token"));
    }

    @Test
    @Order(2)
    void aVisitorFindsThePartnerOpensItsProfileAndVerifiesACredential() throws Exception {
        browser.driver.get(gateway + "/#/directory");
        WebElement name = browser.await(By.id("dir-q"));
        tabTo(e -> "dir-q".equals(e.getAttribute("id")));
        assertEquals(name, browser.driver.switchTo().activeElement());
        press(orgName, Keys.ENTER); // Enter in a field submits the search form
        browser.awaitText(By.id("dir-count"), "1 partner found", WAIT);
        browser.awaitText(By.cssSelector(".partner-list .partner"), competency + " (Silver)", WAIT);
        visitor.page("directory");
        activate(e -> orgName.equals(e.getText()));
        browser.awaitText(By.cssSelector(".credential"), "Active", WAIT);
        visitor.page("partner");
        activate(e -> "Verify signature and status".equals(e.getText()));
        WebElement verified = browser.await(By.cssSelector(".credential [data-verified]"));
        assertEquals("true", verified.getAttribute("data-verified"), verified.getText());
        assertTrue(verified.getText().contains("Signature valid"), verified.getText());
    }

    @Test
    @Order(3)
    void aVisitorOpensASharedTranscriptAndItsBadgeVerifiesLive() throws Exception {
        browser.driver.get(gateway + "/#/transcripts/" + shareCode);
        browser.awaitText(By.cssSelector(".holding"), "Certification " + certification, WAIT);
        assertTrue(browser.driver.findElement(By.cssSelector(".holding [title]")).getAttribute("title").equals(certification));
        visitor.page("shared-transcript");
        activate(e -> "Badge and live verification".equals(e.getText()));
        browser.awaitText(By.cssSelector("[data-status]"), "Active", WAIT);
        WebElement check = browser.awaitText(By.cssSelector("#badge-check [data-verified]"), "Signature valid", WAIT);
        assertEquals("true", check.getAttribute("data-verified"), check.getText());
        activate(e -> "Verify again".equals(e.getText()));
        browser.awaitText(By.cssSelector("#badge-check [data-verified]"), "checked", WAIT);
        visitor.page("badge");
        assertTrue(browser.driver.getCurrentUrl().endsWith("#/badges/" + holding), browser.driver.getCurrentUrl());
    }

    private static void press(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    private static void activate(Predicate<WebElement> wanted) {
        tabTo(wanted);
        press(Keys.ENTER);
    }

    private static WebElement tabTo(Predicate<WebElement> wanted) {
        for (int presses = 0; presses < 80; presses++) {
            WebElement focused = browser.driver.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("not reached by keyboard: " + browser.driver.switchTo().activeElement().getText());
    }

    private static Map<String, Object> skill(int individuals, String credential) {
        return Map.of("paths", List.of(Map.of("requirements",
                List.of(Map.of("kind", "SKILL", "individuals", individuals, "anyOf", List.of(credential))))));
    }
}
