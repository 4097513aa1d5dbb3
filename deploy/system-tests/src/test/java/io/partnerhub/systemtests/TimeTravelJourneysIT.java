package io.partnerhub.systemtests;

import static io.partnerhub.systemtests.Programme.admin;
import static io.partnerhub.systemtests.Programme.awaitHolding;
import static io.partnerhub.systemtests.Programme.awaitStatus;
import static io.partnerhub.systemtests.Programme.bookAt;
import static io.partnerhub.systemtests.Programme.candidate;
import static io.partnerhub.systemtests.Programme.certification;
import static io.partnerhub.systemtests.Programme.changes;
import static io.partnerhub.systemtests.Programme.clockAt;
import static io.partnerhub.systemtests.Programme.clockTo;
import static io.partnerhub.systemtests.Programme.competency;
import static io.partnerhub.systemtests.Programme.exam;
import static io.partnerhub.systemtests.Programme.fail;
import static io.partnerhub.systemtests.Programme.staff;
import static io.partnerhub.systemtests.Programme.holdings;
import static io.partnerhub.systemtests.Programme.level;
import static io.partnerhub.systemtests.Programme.levelAtRisk;
import static io.partnerhub.systemtests.Programme.membership;
import static io.partnerhub.systemtests.Programme.ops;
import static io.partnerhub.systemtests.Programme.organization;
import static io.partnerhub.systemtests.Programme.provider;
import static io.partnerhub.systemtests.Programme.sit;
import static io.partnerhub.systemtests.Programme.skill;
import static io.partnerhub.systemtests.Programme.today;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Journeys that walk through weeks and years by moving every service's clock through the gateway. The clock is
 * shared by the whole suite, so these run after the present-day journeys and the demo data check (class
 * {@code @Order}), one after the other (shortest jump first), each starting from real time and resetting it after.
 * Everything a journey relies on is created by it, at real time, with times relative to the services' clock.
 */
@ExtendWith(RunningSuite.class)
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimeTravelJourneysIT {

    private static final String RISK_ALERT =
            "A recent change to your competency achievement has put your membership renewal eligibility at risk";

    @AfterEach
    void realTime() {
        Programme.resetClock();
    }

    @Test
    @Order(1)
    void aFailedCandidateWaits24HoursThen14DaysPerFailureUsesOneExamReplayAndStopsAtFiveAttemptsInTwelveMonths() {
        String exam = exam("J4");
        String fay = candidate("fay");

        Instant first = fail(fay, exam).takenAt();
        eligibility(fay, exam).then().body("eligible", equalTo(false)).body("reason", equalTo("FIRST_FAILURE_WAIT"))
                .body("attemptsInWindow", equalTo(1));
        refused(fay, exam, first.plus(Duration.ofHours(23)), first.plus(Duration.ofHours(24)), "FIRST_FAILURE_WAIT");

        // Exam Replay: ops give Fay a voucher for one retake; the 24 h still apply, then it is used once
        String voucher = ops().body(Map.of("examCode", exam, "expiresOn", today().plusDays(90).toString()))
                .post("/exam-candidates/{c}/vouchers", fay).then().statusCode(201)
                .body("status", equalTo("AVAILABLE")).extract().path("id");
        Instant second = first.plus(Duration.ofHours(25));
        String replay = provider().body(booking(fay, exam, second, voucher)).post("/exam-registrations")
                .then().statusCode(201).extract().path("id");
        ops().get("/exam-candidates/{c}/vouchers", fay).then().statusCode(200)
                .body("find { it.id == '" + voucher + "' }.status", equalTo("USED"))
                .body("find { it.id == '" + voucher + "' }.registrationId", equalTo(replay));
        clockTo(second.plusSeconds(60));
        result(replay, second, 510).then().statusCode(201).body("passed", equalTo(false));

        // from the second failure on: 14 days each time
        Instant third = second.plus(Duration.ofDays(14)).plus(Duration.ofHours(1));
        refused(fay, exam, second.plus(Duration.ofDays(13)), second.plus(Duration.ofDays(14)), "REPEATED_FAILURE_WAIT");
        provider().body(booking(fay, exam, third, voucher)).post("/exam-registrations").then().statusCode(409)
                .body("type", endsWith("/voucher-used"));
        Instant last = third;
        for (int attempt = 3; attempt <= 5; attempt++) {
            Instant at = attempt == 3 ? third : last.plus(Duration.ofDays(14)).plus(Duration.ofHours(1));
            String registration = bookAt(fay, exam, 455, at).registration();
            clockTo(at.plusSeconds(60));
            result(registration, at, 455).then().statusCode(201).body("passed", equalTo(false));
            last = at;
        }

        // five attempts in the 12 months from the first: the next is possible only when that window ends
        Instant windowEnd = first.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
        refused(fay, exam, last.plus(Duration.ofDays(15)), windowEnd, "ATTEMPT_LIMIT_REACHED")
                .then().body("attemptsInWindow", equalTo(5));
        eligibility(fay, exam).then().body("eligible", equalTo(false)).body("attemptsInWindow", equalTo(5));
        ops().get("/exam-candidates/{c}/attempts", fay).then().statusCode(200).body("size()", equalTo(5));
        bookAt(fay, exam, 800, windowEnd.plus(Duration.ofDays(1)));
    }

    @Test
    @Order(2)
    void aBetaExamPassCountsOnlyOnceTheScoreIsReleasedTenDaysAfterGoLive() {
        LocalDate liveOn = today().plusDays(3);
        Instant release = liveOn.atStartOfDay(ZoneOffset.UTC).plus(Duration.ofDays(10)).toInstant();
        String exam = Programme.betaExam("J5", liveOn);
        ops().get("/exams/{code}", exam).then().statusCode(200).body("scoreReleaseAt", equalTo(release.toString()));
        String certification = certification("j5-migration", "SPECIALTY", exam);
        String competency = competency("j5-migration", skill(1, certification), skill(2, certification));
        String organization = organization("Litware Beta");
        String gus = staff(organization, "gus")[0];

        Programme.Sitting sitting = Programme.book(List.<String[]>of(new String[] {gus, exam, "880"})).get(0);
        Programme.awaitAppointments(List.of(sitting));
        Programme.post(sitting).then().statusCode(201).body("status", equalTo("WITHHELD")).body("passed", nullValue());

        clockTo(release.minus(Duration.ofHours(1)));
        // a few exam and certification sweeps run: the score must stay withheld
        await("the score stays withheld").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> ops().get("/exam-candidates/{c}/attempts", gus)
                        .then().statusCode(200).body("[0].status", equalTo("WITHHELD")));
        ops().get("/exam-candidates/{c}/attempts", gus).then().statusCode(200).body("[0].status", equalTo("WITHHELD"));
        assertTrue(holdings(gus).isEmpty(), "nothing earned before the release: " + holdings(gus));
        assertEquals("NONE", Programme.status(organization, competency).getString("level"));

        clockTo(release.plus(Duration.ofHours(1)));
        Map<String, Object> holding = awaitHolding(gus, certification, "ACTIVE");
        ops().get("/exam-candidates/{c}/attempts", gus).then().statusCode(200)
                .body("[0].status", equalTo("SCORED")).body("[0].passed", equalTo(true));
        ops().get("/transcripts/{c}", gus).then().statusCode(200)
                .body("passedExams.find { it.examCode == '" + exam + "' }.takenAt", equalTo(sitting.takenAt().toString()));
        awaitStatus(organization, competency, levelAtRisk("SILVER", false), "SILVER once the beta pass is released");
        assertNotNull(holding.get("earnedAt"));
    }

    @Test
    @Order(3)
    void aRoadmapVersionShowsItsEffectInWhatIfAndTheStatusFollowsItOnceItTakesEffect() {
        Programme.Track track = Programme.track("j6", 1, 3);
        String exam = track.exam();
        String certification = track.certification();
        String competency = track.competency();
        LocalDate effective = today().plusDays(30);
        Programme.requirementVersion(competency, "v2", effective, skill(2, certification), skill(4, certification));
        ops().get("/competencies/{id}/roadmap", competency).then().statusCode(200)
                .body("inEffect.version", equalTo("v1")).body("upcoming.version", equalTo(List.of("v2")));
        String organization = organization("Proseware");
        String hal = staff(organization, "hal")[0];
        Programme.pass(hal, exam);
        awaitStatus(organization, competency, levelAtRisk("SILVER", false), "SILVER under v1");

        // what-if: the roadmap version, by name and by date; nothing changes
        for (Map<String, Object> simulation : List.<Map<String, Object>>of(
                Map.of("organizationId", organization, "requirementVersion", Map.of("competencyId", competency, "version", "v2")),
                Map.of("organizationId", organization, "at", effective.atStartOfDay(ZoneOffset.UTC).plusHours(12).toInstant().toString()))) {
            JsonPath whatIf = admin(organization).body(simulation).post("/competency-simulations").then().statusCode(200)
                    .extract().jsonPath();
            String at = "find { it.competencyId == '" + competency + "' }";
            assertEquals("SILVER", whatIf.getString(at + ".level"), whatIf.prettify());
            assertEquals(true, whatIf.getBoolean(at + ".atRisk"), "under v2 one certified person is not enough: " + whatIf.prettify());
            assertFalse(whatIf.getList(at + ".reasons").isEmpty(), whatIf.prettify());
        }
        JsonPath now = Programme.status(organization, competency);
        assertEquals(false, now.getBoolean("atRisk"), "a simulation stores nothing: " + now.prettify());
        assertEquals("v1", now.getString("requirementVersion"));

        clockTo(effective.atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant());
        JsonPath underV2 = awaitStatus(organization, competency,
                s -> "v2".equals(s.getString("requirementVersion")) && s.getBoolean("atRisk"),
                "v2 in effect and SILVER at risk (no event needed: the version took effect)");
        assertEquals("SILVER", underV2.getString("level"));
        assertFalse(underV2.getList("reasons").isEmpty());
        ops().get("/competencies/{id}/roadmap", competency).then().statusCode(200).body("inEffect.version", equalTo("v2"));
    }

    @Test
    @Order(4)
    void aCountedEmployeeAssociatingElsewherePutsTheCompetencyAtRiskWithAnAlertUntilItLapsesAndTheRenewalIsRefused() {
        Programme.Track track = Programme.track("j2", 2, 4);
        String competency = track.competency();
        String first = organization("Fourth Coffee");
        String second = organization("Blue Yonder");
        String[] people = staff(first, "ida", "jon");
        String jon = people[1];
        sit(List.of(new String[] {people[0], track.exam(), "760"}, new String[] {jon, track.exam(), "845"}));
        JsonPath silver = awaitStatus(first, competency, levelAtRisk("SILVER", false), "SILVER");
        Instant validUntil = Instant.parse(silver.getString("validUntil"));

        clockAt(Duration.ofDays(30)); // a month later the admin buys the Silver benefit pack
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                admin(first).body(Map.of("level", "SILVER")).post("/organizations/{id}/membership/purchases", first)
                        .then().statusCode(201));

        // Jon associates his certification profile with another organisation: its admin invites, Jon accepts
        Programme.accept(Programme.invite(second, "Jon", jon + "@example.net"), jon).then().statusCode(200)
                .body("candidateId", equalTo(jon)).body("organizationId", equalTo(second));

        JsonPath atRisk = awaitStatus(first, competency, levelAtRisk("SILVER", true), "SILVER at risk");
        assertTrue(atRisk.getList("reasons", String.class).stream().anyMatch(r -> r.contains("1 of 2")),
                "the reason says what is missing: " + atRisk.prettify());
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                admin(first).get("/organizations/{id}/membership", first).then().statusCode(200)
                        .body("alerts.competencyId", hasItem(competency))
                        .body("alerts[0].message", startsWith(RISK_ALERT))
                        .body("level", equalTo("SILVER")).body("renewalAtRisk", equalTo(true)));
        renewal(first).then().statusCode(409).body("type", endsWith("/renewal-requirements-not-met"));

        clockTo(validUntil.plus(Duration.ofDays(1)));
        awaitStatus(first, competency, level("NONE"), "lapsed at valid-until");
        assertTrue(changes(first, competency).contains("LAPSED SILVER"), changes(first, competency).toString());
        assertEquals("SILVER", membership(first).getString("level"), "the pack displays until its year is over");
        renewal(first).then().statusCode(409).body("type", endsWith("/renewal-requirements-not-met"));
    }

    @Test
    @Order(5)
    void aRenewalInTheWindowKeepsTheCompetencyWhileAnUnrenewedCertificationExpiresOnTimeAsForecast() {
        Programme.Track track = Programme.track("j3", 1, 3);
        String certification = track.certification();
        String competency = track.competency();
        String renewing = organization("Relecloud");
        String lapsing = organization("Trey Research");
        String kim = staff(renewing, "kim")[0];
        String leo = staff(lapsing, "leo")[0];
        sit(List.of(new String[] {kim, track.exam(), "777"}, new String[] {leo, track.exam(), "777"}));
        awaitStatus(renewing, competency, levelAtRisk("SILVER", false), "SILVER");
        JsonPath leoSilver = awaitStatus(lapsing, competency, levelAtRisk("SILVER", false), "SILVER");
        Map<String, Object> kims = awaitHolding(kim, certification, "ACTIVE");
        Map<String, Object> leos = awaitHolding(leo, certification, "ACTIVE");
        Instant kimExpires = Instant.parse((String) kims.get("expiresAt"));
        Instant leoExpires = Instant.parse((String) leos.get("expiresAt"));
        assertEquals(kimExpires.minus(Duration.ofDays(180)), Instant.parse((String) kims.get("renewalOpensAt")));

        // the forecast names Leo a year ahead
        JsonPath forecast = admin(lapsing).get("/competency-status/{org}/forecast", lapsing).then().statusCode(200)
                .extract().jsonPath();
        String entry = "find { it.competencyId == '" + competency + "' }";
        assertEquals(List.of(leo), forecast.getList(entry + ".candidates"), forecast.prettify());
        assertEquals(LocalDate.ofInstant(leoExpires, ZoneOffset.UTC).toString(), forecast.getString(entry + ".on"));

        clockTo(kimExpires.minus(Duration.ofDays(181)));
        renew(kim, kims).then().statusCode(409).body("type", endsWith("/renewal-window-closed"));
        clockTo(kimExpires.minus(Duration.ofDays(179)));
        renew(kim, kims).then().statusCode(201).body("passed", equalTo(true))
                .body("expiresAt", equalTo(kimExpires.atZone(ZoneOffset.UTC).plusMonths(12).toInstant().toString()));

        clockTo(leoExpires.minus(Duration.ofDays(60))); // inside the at-risk horizon: Leo's expiry is coming
        JsonPath leoAtRisk = awaitStatus(lapsing, competency, levelAtRisk("SILVER", true), "SILVER at risk before the expiry");
        assertTrue(String.valueOf(leoAtRisk.getList("reasons")).contains(leo), leoAtRisk.prettify());
        assertEquals(false, Programme.status(renewing, competency).getBoolean("atRisk"));

        clockTo(leoExpires.minus(Duration.ofMinutes(30)));
        // the expiry sweep (every 5 s in the devstack) runs at least once in this while: not yet
        await("the holding stays active until its expiry").during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500)).until(() -> "ACTIVE".equals(holdings(leo).get(0).get("status")));
        assertEquals("ACTIVE", holdings(leo).get(0).get("status"), "not before its expiry");

        Instant validUntil = Instant.parse(leoSilver.getString("validUntil"));
        clockTo(max(leoExpires, validUntil).plus(Duration.ofMinutes(2)));
        awaitHolding(leo, certification, "EXPIRED");
        awaitStatus(lapsing, competency, level("NONE"), "lapsed");
        JsonPath kept = awaitStatus(renewing, competency, s -> changes(renewing, competency).contains("RENEWED SILVER"),
                "renewed for another year");
        assertEquals("SILVER", kept.getString("level"));
        assertFalse(changes(renewing, competency).stream().anyMatch(c -> c.startsWith("AT_RISK")),
                "the renewed certification never put the competency at risk: " + changes(renewing, competency));
        assertEquals("ACTIVE", holdings(kim).get(0).get("status"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Response eligibility(String candidate, String exam) {
        Response response = ops().queryParam("examCode", exam).get("/exam-candidates/{c}/eligibility", candidate);
        response.then().statusCode(200);
        return response;
    }

    /** Booking at {@code at} is refused with the reason and the instant from which it would be allowed. */
    private static Response refused(String candidate, String exam, Instant at, Instant nextEligibleAt, String reason) {
        Response response = provider().body(booking(candidate, exam, at, null)).post("/exam-registrations");
        response.then().statusCode(409).body("type", endsWith("/retake-not-allowed")).body("reason", equalTo(reason));
        assertEquals(nextEligibleAt, Instant.parse(response.path("nextEligibleAt")), response.asString());
        return response;
    }

    private static Map<String, Object> booking(String candidate, String exam, Instant at, String voucher) {
        Map<String, Object> body = new HashMap<>(Map.of("candidateId", candidate, "examCode", exam, "provider", "PEARSON_VUE",
                "deliveryMode", "TEST_CENTER", "scheduledAt", at.toString()));
        if (voucher != null) {
            body.put("voucherId", voucher);
        }
        return body;
    }

    private static Response result(String registration, Instant takenAt, int score) {
        return provider().body(Map.of("providerResultId", "PV-" + java.util.UUID.randomUUID(), "registrationId", registration,
                "score", score, "takenAt", takenAt.toString())).post("/exam-results");
    }

    private static Response renewal(String organization) {
        return admin(organization).post("/organizations/{id}/membership/renewals", organization);
    }

    /** The ops support override of issue 21 (the holder's own {passed} is refused): the same window and renewal. */
    private static Response renew(String candidate, Map<String, Object> holding) {
        return RunningSuite.api("ops", Map.of()).body(Map.of("passed", true, "reason", "journey: renewal of " + candidate))
                .post("/certification-holdings/{id}/renewal-attempts", holding.get("id"));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
