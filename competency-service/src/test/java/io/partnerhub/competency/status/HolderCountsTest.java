package io.partnerhub.competency.status;

import static io.partnerhub.competency.EventsSupport.stampAfter;
import static io.partnerhub.competency.EventsSupport.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.chassis.time.AdjustableClock;
import io.partnerhub.competency.events.CertificationEventsHandler;
import io.partnerhub.competency.events.InboundEvents;
import io.partnerhub.competency.events.MembershipEventsHandler;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * K3c with more holders than the sample (100): `have` comes from the holder counts kept per organisation and skill set,
 * and must stay exact through joins, departures, moves, ended holdings, a person holding two listed certifications,
 * and a holding past its expiry without an expired event. The events are applied as the inbox applies them (handler
 * in a transaction, against the real database); the broker path is CompetencyStatusJourneyTest's.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class HolderCountsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CertificationEventsHandler certifications;
    @Inject
    MembershipEventsHandler membership;
    @Inject
    AdjustableClock clock;
    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.setOffset(Duration.ZERO);
    }

    private Instant lastStamp = Instant.EPOCH;

    void apply(EventHandler handler, String type, String subject, ObjectNode data) {
        lastStamp = stampAfter(clock::instant, lastStamp); // membership events are ordered by time
        CloudEvent event = CloudEvent.of("/test", type, subject, lastStamp, data);
        QuarkusTransaction.requiringNew().run(() -> handler.handle(event));
    }

    void joined(String org, String candidate) {
        apply(membership, InboundEvents.EmployeeJoined.TYPE, candidate, JSON.createObjectNode().put("organizationId", org)
                .put("candidateId", candidate).put("userId", UUID.randomUUID().toString()));
    }

    ObjectNode earned(String candidate, String cert, Instant expires) {
        ObjectNode data = JSON.createObjectNode().put("holdingId", UUID.randomUUID().toString()).put("candidateId", candidate)
                .put("certificationId", cert).put("expiresAt", expires.toString());
        apply(certifications, InboundEvents.CertificationEarned.TYPE, candidate, data);
        return data;
    }

    /** have of the silver (2 of a, b) and gold (150 of a) requirements, and how many silver names. */
    List<Integer> progress(String org, String competency) {
        JsonPath status = given().auth().oauth2(TestTokens.ops()).get("/competency-status/{o}/{c}", org, competency).then()
                .statusCode(200).extract().jsonPath();
        return List.of(status.getInt("requirements[0].have"), status.getInt("requirements[1].have"),
                status.getList("requirements[0].counted").size());
    }

    /** The kept counts of the organisations' skill sets, and the same counted from the holdings. */
    @SuppressWarnings("unchecked")
    void assertCountsMatchTheHoldings(List<String> organizations) {
        Map<String, Number> kept = new TreeMap<>();
        Map<String, Number> counted = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT organization_id || ' ' || skill_set, holders"
                    + " FROM skill_holders WHERE organization_id IN (:o) AND holders > 0").setParameter("o", organizations).getResultList()) {
                kept.put((String) row[0], ((Number) row[1]).intValue());
            }
            for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT c.organization_id || ' ' || s.key,"
                    + " count(DISTINCT c.candidate_id) FROM skill_set s JOIN credential c ON c.credential = ANY(s.credentials)"
                    + " AND c.active JOIN employee e ON e.candidate_id = c.candidate_id AND e.organization_id = c.organization_id"
                    + " WHERE c.organization_id IN (:o) GROUP BY 1").setParameter("o", organizations).getResultList()) {
                counted.put((String) row[0], ((Number) row[1]).intValue());
            }
        });
        assertEquals(counted, kept);
    }

    @Test
    void haveStaysExactWithMoreHoldersThanTheSample() throws Exception {
        String a = unique("cert-");
        String b = unique("cert-");
        String competency = unique("counts-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + competency + "\",\"name\":\"Counts\"}").post("/competencies").then().statusCode(201);
        io.partnerhub.competency.EventsSupport.catalogue(a, b);
        io.partnerhub.competency.EventsSupport.defineVersion(competency, """
                {"version":"v1","effectiveFrom":"%s",
                 "silver":{"paths":[{"requirements":[{"kind":"SKILL","individuals":2,"anyOf":["%s","%s"]}]}]},
                 "gold":{"paths":[{"requirements":[{"kind":"SKILL","individuals":150,"anyOf":["%s"]}]}]}}"""
                .formatted(LocalDate.now(ZoneOffset.UTC), a, b, a)).statusCode(201);
        String org = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Instant lasting = clock.instant().plus(Duration.ofDays(1000));
        ObjectNode[] holdings = new ObjectNode[121];
        for (int i = 1; i <= 120; i++) {
            joined(org, "cand-" + org + "-" + i);
            holdings[i] = earned("cand-" + org + "-" + i, a, i == 5 ? clock.instant().plus(Duration.ofDays(10)) : lasting);
        }
        earned("cand-" + org + "-2", b, lasting); // two listed certifications: counts once
        assertEquals(List.of(120, 120, 100), progress(org, competency));

        apply(membership, InboundEvents.EmployeeLeft.TYPE, "cand-" + org + "-1", JSON.createObjectNode().put("organizationId", org)
                .put("candidateId", "cand-" + org + "-1").put("reason", "DEPARTED"));
        assertEquals(List.of(119, 119, 100), progress(org, competency));

        apply(certifications, InboundEvents.CertificationEnded.EXPIRED_TYPE, "cand-" + org + "-2", holdings[2]); // still holds b
        assertEquals(List.of(119, 118, 100), progress(org, competency));

        apply(certifications, InboundEvents.CertificationEnded.REVOKED_TYPE, "cand-" + org + "-3", holdings[3]);
        assertEquals(List.of(118, 117, 100), progress(org, competency));

        joined(other, "cand-" + org + "-4"); // a move: stops counting here at once, counts there
        assertEquals(List.of(117, 116, 100), progress(org, competency));
        assertEquals(List.of(1, 1, 1), progress(other, competency));

        clock.setOffset(Duration.ofDays(11)); // cand-5's holding passed its expiry; no expired event yet
        earned("cand-" + org + "-6", unique("unlisted-"), lasting);
        joined(org, "cand-" + org + "-121");
        earned("cand-" + org + "-121", b, lasting.plus(Duration.ofDays(30)));
        assertEquals(List.of(117, 115, 100), progress(org, competency));
        assertCountsMatchTheHoldings(List.of(org, other));
    }
}
