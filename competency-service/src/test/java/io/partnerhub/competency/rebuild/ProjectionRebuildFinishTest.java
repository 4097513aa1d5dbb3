package io.partnerhub.competency.rebuild;

import static io.partnerhub.competency.EventsSupport.certification;
import static io.partnerhub.competency.EventsSupport.certificationDefined;
import static io.partnerhub.competency.EventsSupport.defineCompetency;
import static io.partnerhub.competency.EventsSupport.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.competency.designation.AreaCatalogue;
import io.partnerhub.competency.designation.DesignationFacts;
import io.partnerhub.competency.status.Cause;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * #26 The set-based end of a rebuild ({@link RebuildFinish#recompute}) against one organisation at a time through the
 * per-event entry points ({@link RebuildFinish#recomputeOneByOne}), from the same state: five organisations seeded
 * (a competency and a solution area with a specialisation; holders, figures), recomputed once one by one, then changed
 * (holdings ended, one earned, a figure reported) and recomputed again by the path under test. Each path runs in its
 * own transaction, rolled back after reading what it wrote, so both start from the same rows: the statuses, the history,
 * the outbox events (per organisation, in order), the designation and specialisation statuses, the qualifying days,
 * the facts and the organisation credentials must be the same, row by row.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ProjectionRebuildFinishTest {

    @Inject
    RebuildFinish finish;
    @Inject
    DesignationFacts designationFacts;
    @Inject
    AreaCatalogue areas;
    @Inject
    EntityManager em;

    String competency;
    String cert;
    String intermediate;
    String advanced;
    String area;
    final List<String> organizations = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
            UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());

    @Test
    void theSetBasedFinishWritesAndPublishesWhatOneOrganisationAtATimeDoes() throws Exception {
        cert = unique("cert-");
        competency = defineCompetency(cert); // silver: 2 holders; gold: 3 holders and REVENUE >= 1000
        intermediate = unique("cert-");
        advanced = unique("cert-");
        certification(defined(intermediate, "ASSOCIATE"));
        certification(defined(advanced, "EXPERT"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> rows(
                "SELECT credential FROM known_credential WHERE credential IN ('" + intermediate + "', '" + advanced
                        + "') AND level IS NOT NULL")).size() == 2);
        area = area(intermediate, advanced);

        Map<String, List<String>> oneByOne = run(cause -> finish.recomputeOneByOne(organizations, cause));
        Map<String, List<String>> batched = run(cause -> finish.recompute(organizations, cause, new RebuildFinish.Timing()));

        oneByOne.forEach((what, rows) -> assertEquals(rows, batched.get(what), what + ": the set-based finish differs"));
        List<String> events = oneByOne.get("outbox events");
        for (String type : List.of("io.partnerhub.competency.attained.v1", "io.partnerhub.competency.at-risk.v1",
                "io.partnerhub.competency.risk-cleared.v1", "io.partnerhub.designation.attained.v1",
                "io.partnerhub.designation.at-risk.v1", "io.partnerhub.specialisation.attained.v1")) {
            assertTrue(events.stream().anyMatch(e -> e.contains(type)), type + " among " + events);
        }
        assertTrue(events.stream().noneMatch(e -> e.startsWith(organizations.get(4))), "nothing changed: no event " + events);
        assertTrue(oneByOne.get("history").size() >= 3, "history " + oneByOne.get("history"));
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> rows("SELECT id FROM organization WHERE id IN ("
                + in() + ")")), "both runs rolled back");
    }

    /**
     * In a transaction rolled back at the end: the organisations seeded, recomputed one by one, changed, then
     * {@code path}; what the second recomputation wrote and published, by kind.
     */
    Map<String, List<String>> run(Consumer<Cause> path) {
        try {
            QuarkusTransaction.requiringNew().timeout(120).run(() -> {
                throw new RolledBack(written(path));
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RolledBack rolledBack) {
                    return rolledBack.written;
                }
            }
            throw e;
        }
        throw new IllegalStateException("not rolled back");
    }

    /** Thrown to roll the transaction back with what it read. */
    static final class RolledBack extends RuntimeException {
        final Map<String, List<String>> written;

        RolledBack(Map<String, List<String>> written) {
            super("rolled back", null, false, false);
            this.written = written;
        }
    }

    Map<String, List<String>> written(Consumer<Cause> path) {
        {
            seed();
            finish.recomputeOneByOne(organizations, new Cause("seed-" + UUID.randomUUID(), "test", null));
            change();
            long outbox = number("SELECT coalesce(max(seq), 0) FROM outbox_event");
            long history = number("SELECT coalesce(max(seq), 0) FROM competency_status_change");
            path.accept(new Cause("rebuild-test", "io.partnerhub.competency.projection-rebuild", null));
            Map<String, List<String>> written = new LinkedHashMap<>();
            String orgs = in();
            // valid-until is a year after the attaining recomputation: the day (the runs are seconds apart)
            written.put("statuses", rows("SELECT concat_ws(' | ', organization_id, competency_id, level, path, at_risk, reasons::text,"
                    + " CAST(valid_until AS date), requirement_version, requirements::text) FROM competency_status WHERE organization_id IN (" + orgs
                    + ") ORDER BY organization_id, competency_id"));
            written.put("history", rows("SELECT concat_ws(' | ', organization_id, competency_id, change, level, at_risk, reasons::text,"
                    + " CAST(valid_until AS date), requirements::text, cause_event_id, cause_event_type) FROM competency_status_change WHERE seq > "
                    + history + " AND organization_id IN (" + orgs + ") ORDER BY organization_id, competency_id, seq"));
            written.put("outbox events", rows("SELECT concat_ws(' | ', event_key, topic, event_type, (CAST(payload AS jsonb) -> 'data') - 'validUntil',"
                    + " left(CAST(payload AS jsonb) -> 'data' ->> 'validUntil', 10))"
                    + " FROM outbox_event WHERE seq > " + outbox + " AND event_key IN (" + orgs + ") ORDER BY event_key, seq"));
            written.put("designation statuses", rows("SELECT concat_ws(' | ', organization_id, solution_area_id, state, track,"
                    + " score_tenths, qualifies_today, score_version, last_evaluated) FROM designation_status WHERE organization_id IN ("
                    + orgs + ") ORDER BY 1"));
            written.put("specialisation statuses", rows("SELECT concat_ws(' | ', organization_id, specialisation_id, solution_area_id,"
                    + " name, state, have, need) FROM specialisation_status WHERE organization_id IN (" + orgs + ") ORDER BY 1"));
            written.put("qualifying days", rows("SELECT concat_ws(' | ', organization_id, solution_area_id, subject, day)"
                    + " FROM designation_qualifying_day WHERE organization_id IN (" + orgs + ") ORDER BY 1"));
            written.put("facts", rows("SELECT concat_ws(' | ', organization_id, scope, figure, effective, period, value)"
                    + " FROM designation_fact WHERE organization_id IN (" + orgs + ") ORDER BY 1"));
            written.put("organisation credentials", rows("SELECT concat_ws(' | ', organization_id, kind, award_id, level, name,"
                    + " revoked_at IS NULL) FROM organization_credential WHERE organization_id IN (" + orgs + ") ORDER BY 1"));
            return written;
        }
    }

    /**
     * 0: gold (3 holders, revenue) and the area (an intermediate, an advanced, 2 new customers) with its
     * specialisation; 1: silver; 2: nothing; 3: as 0; 4: silver, left alone.
     */
    void seed() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String expires = "now() + interval '400 days'";
        for (int i = 0; i < organizations.size(); i++) {
            String org = organizations.get(i);
            sql("INSERT INTO organization (id, mpn_id, name, registered_at) VALUES ('" + org + "', '" + i + "', 'finish " + i
                    + "', now() - interval '30 days')");
            sql("INSERT INTO employee (candidate_id, organization_id, since) SELECT '" + org + "-' || m, '" + org
                    + "', now() - interval '20 days' FROM generate_series(1, 4) m");
        }
        for (int i : List.of(0, 3)) {
            String org = organizations.get(i);
            holding(org, 1, cert, expires);
            holding(org, 2, cert, expires);
            holding(org, 3, cert, expires);
            holding(org, 1, intermediate, expires);
            holding(org, 2, advanced, expires);
            figure(org, "REVENUE", 1500, today.minusDays(10));
            figure(org, "NEW_CUSTOMERS", 2, today);
        }
        for (int i : List.of(1, 4)) {
            holding(organizations.get(i), 1, cert, expires);
            holding(organizations.get(i), 2, cert, "now() + interval '20 days'");
        }
        designationFacts.register(areas.all(), java.time.Instant.now());
        recount();
    }

    /**
     * 3 ends a holder of the competency and the advanced one; 1 earns a third holder and an intermediate; 2 earns what
     * 0 holds and reports new customers.
     */
    void change() {
        String org3 = organizations.get(3);
        sql("UPDATE credential SET active = false WHERE candidate_id IN ('" + org3 + "-2', '" + org3 + "-3') AND credential IN ('"
                + cert + "', '" + advanced + "') AND candidate_id || credential <> '" + org3 + "-2" + cert + "'");
        holding(organizations.get(1), 3, cert, "now() + interval '400 days'");
        holding(organizations.get(1), 3, intermediate, "now() + interval '400 days'");
        String org2 = organizations.get(2);
        holding(org2, 1, cert, "now() + interval '400 days'");
        holding(org2, 2, cert, "now() + interval '400 days'");
        holding(org2, 1, intermediate, "now() + interval '400 days'");
        holding(org2, 2, advanced, "now() + interval '400 days'");
        figure(org2, "NEW_CUSTOMERS", 2, LocalDate.now(ZoneOffset.UTC));
        recount();
    }

    void holding(String org, int member, String credential, String expires) {
        sql("INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at, organization_id) VALUES ('"
                + UUID.randomUUID() + "', '" + org + "-" + member + "', '" + credential + "', date_trunc('milliseconds', " + expires
                + "), true, now(), '" + org + "')");
    }

    void figure(String org, String metric, long value, LocalDate periodEnd) {
        sql("INSERT INTO performance_figure (organization_id, metric, period_start, period_end, value, reported_at, source) VALUES ('"
                + org + "', '" + metric + "', DATE '" + periodEnd.minusMonths(1).plusDays(1) + "', DATE '" + periodEnd + "', " + value
                + ", now(), 'demo-crm')");
    }

    /** The organisations' holder counts, as the rebuild's finish counts them. */
    void recount() {
        sql("DELETE FROM skill_holders WHERE organization_id IN (" + in() + ")");
        sql("INSERT INTO skill_holders (organization_id, skill_set, holders) SELECT c.organization_id, s.key,"
                + " count(DISTINCT c.candidate_id) FROM skill_set s JOIN credential c ON c.credential = ANY(s.credentials)"
                + " AND c.active AND c.organization_id IN (" + in() + ") GROUP BY 1, 2");
    }

    String in() {
        return "'" + String.join("', '", organizations) + "'";
    }

    static ObjectNode defined(String certificationId, String level) throws Exception {
        ObjectNode event = certificationDefined(certificationId, "Certification " + certificationId);
        ((ObjectNode) event.get("data")).put("level", level);
        return event;
    }

    /** An area effective today: 40 points for an intermediate, 30 for an advanced, 30 for 2 new customers (as DesignationEventsTest). */
    static String area(String intermediate, String advanced) {
        String id = unique("area-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Area " + id + "\",\"replaces\":[]}").post("/solution-areas")
                .then().statusCode(201);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("""
                {"version":"v1","effectiveFrom":"%s",
                 "metrics":[{"id":"intermediate","name":"Intermediate","category":"SKILLING","unit":"PEOPLE","figure":"intermediate-certified","kind":"STOCK","maxPoints":40,"threshold":1},
                  {"id":"advanced","name":"Advanced","category":"SKILLING","unit":"PEOPLE","figure":"advanced-certified","kind":"STOCK","maxPoints":30,"threshold":1},
                  {"id":"customers","name":"Net customer adds","category":"PERFORMANCE","unit":"CUSTOMERS","figure":"new-customers","kind":"FLOW","maxPoints":30,"threshold":2}],
                 "certifications":["%s","%s"],
                 "specialisations":[{"id":"%s-spec","name":"Spec","certifications":["%s"],"people":1}]}"""
                .formatted(LocalDate.now(ZoneOffset.UTC), intermediate, advanced, id, advanced))
                .post("/solution-areas/{id}/score-versions", id).then().statusCode(201)
                .body("inEffect.version", equalTo("v1"));
        return id;
    }

    void sql(String statement) {
        em.createNativeQuery(statement).executeUpdate();
    }

    long number(String query) {
        return ((Number) em.createNativeQuery(query).getSingleResult()).longValue();
    }

    List<String> rows(String query) {
        List<String> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery(query).getResultList()) {
            rows.add(String.valueOf(row));
        }
        return rows;
    }
}
