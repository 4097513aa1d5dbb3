package io.partnerhub.competency.bench;

import static io.partnerhub.competency.EventsSupport.stampAfter;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.chassis.time.AdjustableClock;
import io.partnerhub.competency.EventsSupport;
import io.partnerhub.competency.designation.DesignationEvaluation;
import io.partnerhub.competency.designation.DesignationWorker;
import io.partnerhub.competency.events.CertificationEventsHandler;
import io.partnerhub.competency.events.InboundEvents;
import io.partnerhub.competency.events.MembershipEventsHandler;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Issue 22's designation benchmark (prints figures beside {@link CompetencyBenchmark}'s; runs only with {@code -Pbench},
 * see deploy/bench/competency-evaluation): the designation evaluation per event in organisations of 100 and 100,000
 * associated people holding the area's certifications, and the ratio largest/smallest (goal ≤ 2). Issue 25 stage 8: an
 * event's transaction (competency facts and status, the organisation marked) and the deferred evaluation of what it
 * marked ({@link DesignationWorker#evaluate}: lock, marker, today's skilling counts of every area, the areas whose counts
 * moved evaluated, marker deleted; its own transaction) are timed apart, with the worker's thread stopped so that the
 * benchmark's thread evaluates each marker; a real evaluation (every area replayed and written, as after a performance
 * report) is timed apart and printed too.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
@TestProfile(CompetencyBenchmark.Profile.class)
class DesignationBenchmark {

    static final int[] SIZES = { 100, 100_000 };
    static final int EVENTS = Integer.getInteger("bench.events", 400);
    static final int WARMUP = 40;
    static final String[] LEVELS = { "ASSOCIATE", "EXPERT" };

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;
    @Inject
    CertificationEventsHandler certifications;
    @Inject
    MembershipEventsHandler membership;
    @Inject
    DesignationWorker worker;
    @Inject
    DesignationEvaluation evaluation;
    @Inject
    io.partnerhub.competency.status.StatusRecompute locks;
    @Inject
    AdjustableClock clock;

    final String run = "d" + UUID.randomUUID().toString().substring(0, 6);

    String cert(int j) {
        return run + "-cert-" + j;
    }

    String organization(int size) {
        return run + "-org-" + size;
    }

    @Test
    void designationCostPerEventDoesNotGrowWithTheOrganisation() throws Exception {
        long t0 = System.nanoTime();
        for (int j = 0; j < 4; j++) {
            ObjectNode defined = EventsSupport.certificationDefined(cert(j), "Bench " + j);
            ((ObjectNode) defined.get("data")).put("level", LEVELS[j % 2]);
            EventsSupport.certification(defined);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM known_credential WHERE credential LIKE '"
                + run + "-cert-%' AND level IS NOT NULL") == 4);
        String area = run + "-area";
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + area + "\",\"name\":\"Bench\"}").post("/solution-areas").then().statusCode(201);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("""
                {"version":"v1","effectiveFrom":"%s",
                 "metrics":[{"id":"intermediate","name":"I","category":"SKILLING","unit":"PEOPLE","figure":"intermediate-certified","kind":"STOCK","maxPoints":35,"threshold":50},
                  {"id":"advanced","name":"A","category":"SKILLING","unit":"PEOPLE","figure":"advanced-certified","kind":"STOCK","maxPoints":35,"threshold":20},
                  {"id":"customers","name":"C","category":"PERFORMANCE","unit":"CUSTOMERS","figure":"new-customers","kind":"FLOW","maxPoints":30,"threshold":5}],
                 "certifications":["%s","%s","%s","%s"],
                 "specialisations":[{"id":"%s-spec","name":"Spec","certifications":["%s"],"people":10}]}"""
                .formatted(LocalDate.now(clock), cert(0), cert(1), cert(2), cert(3), area, cert(1)))
                .post("/solution-areas/{id}/score-versions", area).then().statusCode(201);
        for (int size : SIZES) {
            String org = organization(size);
            sql("INSERT INTO organization (id, mpn_id, name, registered_at) VALUES ('" + org + "', NULL, 'bench', now())");
            sql("INSERT INTO employee (candidate_id, organization_id, user_id, since) SELECT '" + org + "-' || i, '" + org
                    + "', NULL, now() - interval '1 day' FROM generate_series(1, " + size + ") i");
            sql("INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at, organization_id)"
                    + " SELECT '" + org + "-' || i || ':h', '" + org + "-' || i, '" + run + "-cert-' || (i % 4),"
                    + " now() + ((i * 37) % 1100 + 1) * interval '1 day', true, now(), '" + org + "' FROM generate_series(1, " + size + ") i");
            sql("INSERT INTO performance_figure (organization_id, metric, period_start, period_end, value, reported_at, source) SELECT '"
                    + org + "', 'NEW_CUSTOMERS', current_date - (m * 30 + 30), current_date - m * 30, 1, now(), 'unknown'"
                    + " FROM generate_series(0, 11) m");
        }
        sql("INSERT INTO skill_holders (organization_id, skill_set, holders) SELECT c.organization_id, s.key,"
                + " count(DISTINCT c.candidate_id) FROM skill_set s JOIN credential c ON c.credential = ANY(s.credentials)"
                + " AND c.active AND c.organization_id LIKE '" + run + "-%' GROUP BY 1, 2"
                + " ON CONFLICT (organization_id, skill_set) DO UPDATE SET holders = excluded.holders");
        sql("ANALYZE");
        for (int size : SIZES) { // the figures become dated facts as a performance report would make them
            ObjectNode report = EventsSupport.JSON.createObjectNode().put("organizationId", organization(size)).put("metric", "NEW_CUSTOMERS")
                    .put("value", 1).put("periodStart", LocalDate.now(clock).minusDays(30).toString())
                    .put("periodEnd", LocalDate.now(clock).toString());
            apply(membership, event(InboundEvents.PerformanceReported.TYPE, organization(size), report));
        }
        System.out.printf("designation benchmark %s: setup %d s (%,d associated people)%n", run, (System.nanoTime() - t0) / 1_000_000_000L,
                Arrays.stream(SIZES).sum());

        worker.stop(); // this thread evaluates the markers (timed); the worker is started again at the end
        List<List<Long>> hook = new ArrayList<>();
        List<List<Long>> real = new ArrayList<>();
        List<List<Long>> whole = new ArrayList<>();
        PostgresCpu postgres = new PostgresCpu(dataSource);
        long[] databaseTicks = new long[SIZES.length];

        Random[] randoms = new Random[SIZES.length];
        for (int s = 0; s < SIZES.length; s++) {
            randoms[s] = new Random(SIZES[s]);
            cycle(SIZES[s], randoms[s], WARMUP, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            hook.add(new ArrayList<>());
            real.add(new ArrayList<>());
            whole.add(new ArrayList<>());
        }
        hookCpu = new long[SIZES.length];
        wholeCpu = new long[SIZES.length];
        realCpu = new long[SIZES.length];
        for (int round = 0; round < EVENTS / 4; round++) {
            for (int s = 0; s < SIZES.length; s++) {
                long ticks = postgres.ticks();
                sizeIndex = s;
                cycle(SIZES[s], randoms[s], 4, hook.get(s), real.get(s), whole.get(s));
                databaseTicks[s] += postgres.ticks() - ticks;
            }
        }
        double[] means = new double[SIZES.length];
        double[] medians = new double[SIZES.length];
        for (int s = 0; s < SIZES.length; s++) {
            long[] nanos = hook.get(s).stream().mapToLong(Long::longValue).sorted().toArray();
            long[] all = whole.get(s).stream().mapToLong(Long::longValue).sorted().toArray();
            means[s] = Arrays.stream(nanos).average().orElseThrow() / 1e6;
            medians[s] = nanos[nanos.length / 2] / 1e6;
            System.out.printf("designation per event, organisation of %,7d people: deferred evaluation (after the event's commit) mean"
                    + " %.2f ms, p50 %.2f ms, p95 %.2f ms; status path (the event's transaction: competencies, organisation marked,"
                    + " no designation) mean %.2f ms, p50 %.2f ms, p95 %.2f ms (%d events: earned, expired, left, joined);"
                    + " CPU: deferred evaluation %.2f ms, status path %.2f ms (service thread); PostgreSQL per event, deferred"
                    + " and real evaluation together %s%n", SIZES[s],
                    means[s], medians[s], nanos[(int) (nanos.length * 0.95)] / 1e6, Arrays.stream(all).average().orElseThrow() / 1e6,
                    all[all.length / 2] / 1e6, all[(int) (all.length * 0.95)] / 1e6, nanos.length, hookCpu[s] / 1e6 / nanos.length,
                    wholeCpu[s] / 1e6 / all.length, postgres.perEvent(databaseTicks[s], nanos.length));
        }
        System.out.printf("designation per event ratio largest/smallest: mean %.2f, p50 %.2f (goal <= 2)%n",
                means[SIZES.length - 1] / means[0], medians[SIZES.length - 1] / medians[0]);
        double[] realMeans = new double[SIZES.length];
        for (int s = 0; s < SIZES.length; s++) {
            long[] nanos = real.get(s).stream().mapToLong(Long::longValue).sorted().toArray();
            realMeans[s] = Arrays.stream(nanos).average().orElseThrow() / 1e6;
            System.out.printf("designation real evaluation, organisation of %,7d people (every area replayed and written, as after a"
                    + " performance report): mean %.2f ms, p50 %.2f ms, p95 %.2f ms (%d evaluations); CPU per evaluation: service"
                    + " thread %.2f ms%n", SIZES[s], realMeans[s], nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6,
                    nanos.length, realCpu[s] / 1e6 / nanos.length);
        }
        System.out.printf("designation real evaluation ratio largest/smallest: mean %.2f (goal <= 2)%n",
                realMeans[SIZES.length - 1] / realMeans[0]);
        worker.start();
    }

    /**
     * Cycles of four events about one random member, each applied whole (the status path: the organisation marked), then
     * the deferred evaluation of the marker timed, then a real evaluation timed (every area replayed).
     */
    void cycle(int size, Random random, int events, List<Long> hook, List<Long> real, List<Long> whole) {
        String org = organization(size);
        for (int i = 0; i < events / 4; i++) {
            String candidate = org + "-" + (1 + random.nextInt(size));
            ObjectNode holding = JSON.createObjectNode().put("holdingId", UUID.randomUUID().toString()).put("candidateId", candidate)
                    .put("certificationId", cert(random.nextInt(4)))
                    .put("expiresAt", clock.instant().plus(Duration.ofDays(300)).toString());
            ObjectNode member = JSON.createObjectNode().put("organizationId", org).put("candidateId", candidate)
                    .put("userId", UUID.randomUUID().toString());
            whole.add(apply(certifications, event(InboundEvents.CertificationEarned.TYPE, candidate, holding)));
            hook.add(hook(org));
            real.add(real(org));
            whole.add(apply(certifications, event(InboundEvents.CertificationEnded.EXPIRED_TYPE, candidate, holding)));
            hook.add(hook(org));
            real.add(real(org));
            whole.add(apply(membership, event(InboundEvents.EmployeeLeft.TYPE, candidate, member.deepCopy().put("reason", "DEPARTED"))));
            hook.add(hook(org));
            real.add(real(org));
            whole.add(apply(membership, event(InboundEvents.EmployeeJoined.TYPE, candidate, member)));
            hook.add(hook(org));
            real.add(real(org));
        }
    }

    /**
     * The designation part of an event, deferred: the worker's evaluation of the marker the event left (lock, marker,
     * today's skilling counts, the areas whose counts moved replayed, marker deleted; commit included).
     */
    long hook(String org) {
        long cpu = CompetencyBenchmark.THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        if (!worker.evaluate(org)) {
            throw new IllegalStateException("the event left no marker for " + org);
        }
        long wall = System.nanoTime() - start;
        if (hookCpu != null) {
            hookCpu[sizeIndex] += CompetencyBenchmark.THREADS.getCurrentThreadCpuTime() - cpu;
        }
        return wall;
    }

    /** A real evaluation alone: lock, every area evaluated (as after a performance report); commit included. */
    long real(String org) {
        long cpu = CompetencyBenchmark.THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            locks.lock(List.of(org));
            evaluation.refresh(org, true);
        });
        long wall = System.nanoTime() - start;
        if (realCpu != null) {
            realCpu[sizeIndex] += CompetencyBenchmark.THREADS.getCurrentThreadCpuTime() - cpu;
        }
        return wall;
    }

    /** CPU nanoseconds of the timed evaluations, by size (null during the warm-up). */
    long[] hookCpu;
    long[] wholeCpu;
    long[] realCpu;
    int sizeIndex;

    private Instant lastStamp = Instant.EPOCH;

    CloudEvent event(String type, String subject, ObjectNode data) {
        lastStamp = stampAfter(clock::instant, lastStamp);
        return CloudEvent.of("/bench", type, subject, lastStamp, data);
    }

    long apply(EventHandler handler, CloudEvent event) {
        long cpu = CompetencyBenchmark.THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> handler.handle(event));
        long wall = System.nanoTime() - start;
        if (wholeCpu != null) {
            wholeCpu[sizeIndex] += CompetencyBenchmark.THREADS.getCurrentThreadCpuTime() - cpu;
        }
        return wall;
    }

    void sql(String statement) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    long count(String query) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement s = connection.prepareStatement(query);
                var rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
