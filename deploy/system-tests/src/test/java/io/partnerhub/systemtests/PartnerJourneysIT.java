package io.partnerhub.systemtests;

import static io.partnerhub.systemtests.Programme.admin;
import static io.partnerhub.systemtests.Programme.allOf;
import static io.partnerhub.systemtests.Programme.anyone;
import static io.partnerhub.systemtests.Programme.awaitStatus;
import static io.partnerhub.systemtests.Programme.certification;
import static io.partnerhub.systemtests.Programme.changes;
import static io.partnerhub.systemtests.Programme.competency;
import static io.partnerhub.systemtests.Programme.exam;
import static io.partnerhub.systemtests.Programme.holdings;
import static io.partnerhub.systemtests.Programme.level;
import static io.partnerhub.systemtests.Programme.levelAtRisk;
import static io.partnerhub.systemtests.Programme.ops;
import static io.partnerhub.systemtests.Programme.organization;
import static io.partnerhub.systemtests.Programme.pass;
import static io.partnerhub.systemtests.Programme.sit;
import static io.partnerhub.systemtests.Programme.skill;
import static io.partnerhub.systemtests.Programme.skillRequirement;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * Journeys a partner lives through in the present (DESIGN §4 K5, M5, E5, C6): no clock jump beyond the minutes an
 * appointment takes. Each journey has its own organisation, people, exams, certifications and competency.
 * Runs early ({@link ClassOrderer.OrderAnnotation}, see junit-platform.properties), before the journeys that move
 * the clock by months.
 */
@ExtendWith(RunningSuite.class)
@Order(2)
class PartnerJourneysIT {


    @AfterEach
    void realTime() {
        Programme.resetClock();
    }

    @Test
    void twoEmployeesPassTheirExamsTheOrganisationReachesSilverWithinSecondsBuysTheSilverPackAndItsProfileShowsTheCompetency() {
        String architecture = exam("J1A");
        String operations = exam("J1B");
        String certification = certification("j1-cloud-architect", "ASSOCIATE", architecture, operations);
        String competency = competency("j1-cloud", skill(2, certification), skill(4, certification));
        String organization = organization("Tailspin Cloud");
        String[] people = Programme.staff(organization, "ana", "ben");
        String ana = people[0];
        String ben = people[1];
        awaitStatus(organization, competency, level("NONE"), "the new organisation at NONE");
        admin(organization).body(Map.of("level", "SILVER")).post("/organizations/{id}/membership/purchases", organization)
                .then().statusCode(409).body("type", endsWith("/level-not-earned"));

        sit(List.of(new String[] {ana, architecture, "812"}, new String[] {ana, operations, "790"},
                new String[] {ben, architecture, "901"}));
        JsonPath halfway = awaitStatus(organization, competency,
                s -> s.getList("requirements.counted.flatten()").contains(ana), "Ana counted");
        assertEquals("NONE", halfway.getString("level"), "one certified person is not Silver: " + halfway.prettify());

        pass(ben, operations); // Ben's second exam decides: the 201 has been received when pass() returns
        long decided = System.nanoTime();
        JsonPath silver = awaitStatus(organization, competency, levelAtRisk("SILVER", false), "SILVER");
        long millis = (System.nanoTime() - decided) / 1_000_000; // K5 "within seconds": a figure (and the report's), not a gate
        System.out.printf("journey 1: Silver visible through the gateway %d ms after the deciding result%n", millis);
        assertTrue(silver.getList("requirements.counted.flatten()").containsAll(List.of(ana, ben)), silver.prettify());
        assertTrue(silver.getString("validUntil") != null && silver.getString("attainedAt") != null, silver.prettify());

        // membership learns of the attainment from competency-events; the admin buys the Silver benefit pack
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                admin(organization).body(Map.of("level", "SILVER"))
                        .post("/organizations/{id}/membership/purchases", organization).then().statusCode(201));
        admin(organization).get("/organizations/{id}/membership", organization).then().statusCode(200)
                .body("level", equalTo("SILVER")).body("subscription.level", equalTo("SILVER"))
                .body("renewalAtRisk", equalTo(false));
        anyone().get("/organizations/{id}/profile", organization).then().statusCode(200)
                .body("level", equalTo("SILVER")).body("silverCompetencies", hasItem(competency));
    }

    @Test
    void theSameProviderResultPostedTwiceAndTheSameEventsDeliveredTwiceChangeNothing() {
        String exam = exam("J7");
        String other = exam("J7X"); // counts for nothing: its pass only marks the end of the exam-events partition
        String certification = certification("j7-admin", "ASSOCIATE", exam);
        String assessment = Programme.assessment("j7-adoption");
        String competency = competency("j7-cloud", skill(1, certification),
                allOf(skillRequirement(1, certification), skillRequirement(1, "assessment:" + assessment)));
        String organization = organization("Wide World Importers");
        String cleo = Programme.staff(organization, "cleo")[0];

        Programme.Sitting sitting = pass(cleo, exam);
        awaitStatus(organization, competency, levelAtRisk("SILVER", false), "SILVER");
        String attemptId = Programme.post(sitting).then().statusCode(200)
                .body("passed", equalTo(true)).body("examCode", equalTo(exam)).extract().path("attemptId");
        // the provider's retry carries the same result id: whatever else it says, the stored result answers
        Map<String, Object> retry = new java.util.HashMap<>(sitting.result());
        retry.put("score", 300);
        Programme.provider().body(retry).post("/exam-results").then().statusCode(200)
                .body("attemptId", equalTo(attemptId)).body("passed", equalTo(true));
        ops().get("/exam-candidates/{c}/attempts", cleo).then().statusCode(200).body("size()", equalTo(1));

        // the broker delivers both events again, exactly as they were (key, value, headers)
        List<ConsumerRecord<String, String>> passed = SuiteBroker.records("exam-events", cleo);
        List<ConsumerRecord<String, String>> earned = SuiteBroker.records("certification-events", cleo);
        assertEquals(1, passed.size(), "one exam event for Cleo");
        assertEquals(1, earned.size(), "one certification event for Cleo");
        SuiteBroker.redeliver(passed.get(0));
        SuiteBroker.redeliver(earned.get(0));

        // later records of the same key (same partition, consumed in order) show when the duplicates were consumed
        pass(cleo, other);
        ops().body(Map.of("candidateId", cleo, "assessmentId", assessment, "passed", true,
                "takenAt", Programme.now().minusSeconds(60).toString())).post("/assessment-results").then().statusCode(201);
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                ops().get("/transcripts/{c}", cleo).then().statusCode(200).body("passedExams.examCode", hasItem(other)));
        awaitStatus(organization, competency, levelAtRisk("GOLD", false), "GOLD after the assessment");

        ops().get("/transcripts/{c}", cleo).then().statusCode(200)
                .body("passedExams.examCode", containsInAnyOrder(exam, other));
        assertEquals(1, holdings(cleo).size(), "one holding: " + holdings(cleo));
        // on the topic: the earned event (twice: our redelivery, with its one event id) and the assessment's
        assertEquals(List.of("io.partnerhub.certification.earned.v1", "io.partnerhub.assessment.passed.v1"),
                SuiteBroker.records("certification-events", cleo).stream().map(r -> SuiteBroker.type(r) + " " + SuiteBroker.id(r))
                        .distinct().map(t -> t.substring(0, t.indexOf(' '))).toList(),
                "certification-service published nothing for the duplicate exam.passed");
        assertEquals(List.of("ATTAINED SILVER", "ATTAINED GOLD"), changes(organization, competency));
    }

    @Test
    void anAssessmentPassCountsTowardTheCompetencySkillGoal() {
        String certification = certification("j8-data", "ASSOCIATE", exam("J8"));
        String assessment = Programme.assessment("j8-governance");
        String competency = competency("j8-data", skill(1, certification, "assessment:" + assessment),
                skill(3, certification, "assessment:" + assessment));
        String organization = organization("Adventure Works");
        String[] people = Programme.staff(organization, "dana", "eli");
        String dana = people[0];
        String eli = people[1];
        awaitStatus(organization, competency, level("NONE"), "NONE");

        Instant takenAt = Programme.now().minus(Duration.ofHours(2));
        ops().body(Map.of("candidateId", eli, "assessmentId", assessment, "passed", false, "takenAt", takenAt.toString()))
                .post("/assessment-results").then().statusCode(201);
        ops().body(Map.of("candidateId", dana, "assessmentId", assessment, "passed", true, "takenAt", takenAt.toString()))
                .post("/assessment-results").then().statusCode(201);

        JsonPath silver = awaitStatus(organization, competency, levelAtRisk("SILVER", false), "SILVER from an assessment");
        assertEquals(List.of(dana), silver.getList("requirements.find { it.level == 'SILVER' }.counted"),
                "Dana's pass counts, Eli's failure does not: " + silver.prettify());
        assertTrue(holdings(dana).isEmpty(), "no certification involved");
        ops().get("/transcripts/{c}", dana).then().statusCode(200).body("passedAssessments.assessmentId", hasItem(assessment));
        assertFalse(changes(organization, competency).isEmpty());
    }
}
