package io.partnerhub.competency.bench;

import static io.partnerhub.competency.EventsSupport.stampAfter;
import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.time.AdjustableClock;
import io.partnerhub.competency.events.CertificationEventsHandler;
import io.partnerhub.competency.events.InboundEvents;
import io.partnerhub.competency.events.MembershipEventsHandler;
import io.partnerhub.competency.status.StatusSweep;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Issue 9's benchmark (prints figures; runs only with {@code -Pbench}, see deploy/bench/competency-evaluation):
 * <ol>
 * <li>time per event (certification earned/expired, employee left/joined, applied as the inbox consumer applies it:
 * the handler in its own transaction, commit included) in organisations of 100, 10,000 and 100,000 employees with 20
 * competencies, and the ratio largest/smallest (goal ≤ 2);</li>
 * <li>the time to re-evaluate 50,000 organisations × 20 competencies when a new requirement version of every
 * competency takes effect (goal: 1M evaluations in ≤ 5 minutes).</li>
 * </ol>
 * Data is bulk-inserted in PostgreSQL (the devstack's embedded one); the counts of skill_holders are computed the way
 * a new skill set's registration computes them.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
@TestProfile(CompetencyBenchmark.Profile.class)
class CompetencyBenchmark {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnerhub.competency.sweep-interval", "1h", // the benchmark drives the sweep itself
                    "quarkus.log.category.\"io.partnerhub.competency\".level", "WARN");
        }
    }

    static final int COMPETENCIES = 20;
    static final int CERTIFICATIONS = 40;
    static final int[] SIZES = { 100, 10_000, 100_000 };
    static final int EVENTS = Integer.getInteger("bench.events", 400);
    static final int WARMUP = 100;
    static final int ORGANISATIONS = Integer.getInteger("bench.organisations", 50_000);
    static final int MEMBERS_EACH = 8;

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;
    @Inject
    CertificationEventsHandler certifications;
    @Inject
    MembershipEventsHandler membership;
    @Inject
    StatusSweep sweep;
    @Inject
    io.partnerhub.competency.config.CompetencyConfig config;
    @Inject
    AdjustableClock clock;

    final String run = "b" + UUID.randomUUID().toString().substring(0, 6);

    String cert(int j) {
        return run + "-cert-" + Math.floorMod(j, CERTIFICATIONS);
    }

    String competency(int k) {
        return run + "-comp-" + k;
    }

    @Test
    void perEventCostAndReevaluationWhenANewVersionTakesEffect() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long t0 = System.nanoTime();
        for (int k = 0; k < COMPETENCIES; k++) {
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                    .body("{\"id\":\"" + competency(k) + "\",\"name\":\"Bench " + k + "\"}").post("/competencies").then().statusCode(201);
            define(k, "v1", today, 2, 5, 1000, 2);
        }
        seedLargeOrganisations();
        seedManyOrganisations(today);
        countHolders();
        System.out.printf("competency benchmark %s: setup %d s (bulk insert of %,d + %,d employees, %,d statuses)%n", run,
                seconds(t0), Arrays.stream(SIZES).sum(), ORGANISATIONS * MEMBERS_EACH, ORGANISATIONS * COMPETENCIES);

        if (EVENTS > 0) {
            perEvent();
        }
        if (ORGANISATIONS > 0) {
            reevaluation(today);
        }
    }

    void define(int k, String version, LocalDate from, int silver, int gold, int revenue, int listed) throws Exception {
        StringBuilder anyOf = new StringBuilder();
        for (int j = 0; j < listed; j++) {
            anyOf.append(j == 0 ? "" : ",").append('"').append(cert(k + j)).append('"');
            io.partnerhub.competency.EventsSupport.catalogue(cert(k + j));
        }
        io.partnerhub.competency.EventsSupport.defineVersion(competency(k), """
                {"version":"%s","effectiveFrom":"%s",
                 "silver":{"paths":[{"requirements":[{"kind":"SKILL","individuals":%d,"anyOf":[%s]}]}]},
                 "gold":{"paths":[{"requirements":[{"kind":"SKILL","individuals":%d,"anyOf":["%s"]},
                                                   {"kind":"PERFORMANCE","metric":"REVENUE","threshold":%d}]}]}}"""
                .formatted(version, from, silver, anyOf, gold, cert(k), revenue)).statusCode(201);
    }

    String large(int size) {
        return run + "-large-" + size;
    }

    void seedLargeOrganisations() throws Exception {
        for (int size : SIZES) {
            sql("INSERT INTO organization (id, mpn_id, name, registered_at) VALUES ('" + large(size) + "', NULL, 'bench', now())");
            sql("INSERT INTO employee (candidate_id, organization_id, user_id, since) SELECT '" + large(size) + "-' || i, '"
                    + large(size) + "', NULL, now() - interval '1 day' FROM generate_series(1, " + size + ") i");
            // one certification each, spread over the 40; expiries spread over three years, one in ten never expires
            sql("INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at, organization_id)"
                    + " SELECT '" + large(size) + "-' || i || ':h', '" + large(size) + "-' || i, '" + run + "-cert-' || ((i * 7) % "
                    + CERTIFICATIONS + "), CASE WHEN i % 10 = 0 THEN NULL ELSE now() + ((i * 37) % 1100 + 1) * interval '1 day' END,"
                    + " true, now(), '" + large(size) + "' FROM generate_series(1, " + size + ") i");
            sql("INSERT INTO performance_figure (organization_id, metric, period_start, period_end, value, reported_at) SELECT '"
                    + large(size) + "', 'REVENUE', current_date - (m * 30 + 30), current_date - m * 30, 100, now()"
                    + " FROM generate_series(0, 11) m");
        }
    }

    void seedManyOrganisations(LocalDate today) throws Exception {
        String org = "'" + run + "-o-' || o";
        sql("INSERT INTO organization (id, mpn_id, name, registered_at) SELECT " + org + ", NULL, 'bench', now()"
                + " FROM generate_series(1, " + ORGANISATIONS + ") o");
        sql("INSERT INTO employee (candidate_id, organization_id, user_id, since) SELECT " + org + " || '-' || i, " + org
                + ", NULL, now() - interval '1 day' FROM generate_series(1, " + ORGANISATIONS + ") o, generate_series(1, "
                + MEMBERS_EACH + ") i");
        sql("SELECT setseed(0.42); INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at, organization_id)"
                + " SELECT " + org + " || '-' || i || ':h', " + org + " || '-' || i, '" + run + "-cert-' || floor(random() * "
                + CERTIFICATIONS + ")::int, now() + (floor(random() * 1100) + 1) * interval '1 day', true, now(), " + org
                + " FROM generate_series(1, " + ORGANISATIONS + ") o, generate_series(1, " + MEMBERS_EACH + ") i");
        sql("INSERT INTO performance_figure (organization_id, metric, period_start, period_end, value, reported_at) SELECT "
                + org + ", 'REVENUE', current_date - 60, current_date - 30, floor(random() * 3000), now()"
                + " FROM generate_series(1, " + ORGANISATIONS + ") o WHERE o % 3 = 0");
        sql("INSERT INTO competency_status (organization_id, competency_id, level, path, at_risk, reasons, attained_at,"
                + " valid_until, as_of, requirement_version, requirement_effective_from, requirements, next_check_at, updated_at,"
                + " version) SELECT " + org + ", '" + run + "-comp-' || k, 'NONE', NULL, false, '[]'::jsonb, NULL, NULL, NULL, 'v1', DATE '"
                + today + "', '[]'::jsonb, NULL, now(), 0 FROM generate_series(1, " + ORGANISATIONS + ") o, generate_series(0, "
                + (COMPETENCIES - 1) + ") k");
        sql("ANALYZE");
    }

    /** As SkillIndex.register counts a new skill set, for every known set. */
    void countHolders() throws Exception {
        sql("INSERT INTO skill_holders (organization_id, skill_set, holders) SELECT c.organization_id, s.key,"
                + " count(DISTINCT c.candidate_id) FROM skill_set s JOIN credential c ON c.credential = ANY(s.credentials)"
                + " AND c.active AND c.organization_id LIKE '" + run + "-%' GROUP BY 1, 2"
                + " ON CONFLICT (organization_id, skill_set) DO UPDATE SET holders = excluded.holders");
        sql("ANALYZE");
    }

    /**
     * Warms up on every organisation, then measures in interleaved rounds (one cycle of four events per organisation
     * per round), so that load from elsewhere on the machine weighs on every size alike.
     */
    void perEvent() throws Exception {
        List<List<Long>> timings = new ArrayList<>();
        List<List<Long>> cpu = new ArrayList<>();
        long[] databaseTicks = new long[SIZES.length];
        PostgresCpu postgres = new PostgresCpu(dataSource);
        Random[] randoms = new Random[SIZES.length];
        for (int s = 0; s < SIZES.length; s++) {
            String organization = large(SIZES[s]);
            apply(membership, event(InboundEvents.OrganizationRegistered.TYPE, organization,
                    JSON.createObjectNode().put("organizationId", organization).put("name", "bench")));
            randoms[s] = new Random(SIZES[s]);
            run(organization, SIZES[s], randoms[s], WARMUP, new ArrayList<>());
            timings.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
        }
        for (int round = 0; round < EVENTS / 4; round++) {
            for (int s = 0; s < SIZES.length; s++) {
                List<long[]> cycle = new ArrayList<>();
                long ticks = postgres.ticks();
                run(large(SIZES[s]), SIZES[s], randoms[s], 4, cycle);
                databaseTicks[s] += postgres.ticks() - ticks;
                int index = s;
                cycle.forEach(t -> {
                    timings.get(index).add(t[0]);
                    cpu.get(index).add(t[1]);
                });
            }
        }
        double[] means = new double[SIZES.length];
        double[] medians = new double[SIZES.length];
        for (int s = 0; s < SIZES.length; s++) {
            long[] nanos = timings.get(s).stream().mapToLong(Long::longValue).sorted().toArray();
            means[s] = Arrays.stream(nanos).average().orElseThrow() / 1e6;
            medians[s] = nanos[nanos.length / 2] / 1e6;
            double cpuMean = cpu.get(s).stream().mapToLong(Long::longValue).average().orElseThrow() / 1e6;
            System.out.printf("per event, organisation of %,7d employees, %d competencies: mean %.2f ms, p50 %.2f ms, p95 %.2f ms,"
                    + " max %.2f ms (%d events: earned, expired, left, joined); CPU per event: service thread %.2f ms,"
                    + " PostgreSQL %s%n", SIZES[s], COMPETENCIES, means[s], medians[s], nanos[(int) (nanos.length * 0.95)] / 1e6,
                    nanos[nanos.length - 1] / 1e6, nanos.length, cpuMean, postgres.perEvent(databaseTicks[s], nanos.length));
        }
        System.out.printf("per event ratio largest/smallest: mean %.2f, p50 %.2f (goal <= 2)%n", means[SIZES.length - 1] / means[0],
                medians[SIZES.length - 1] / medians[0]);
    }

    /** Cycles of four events about one random member: earned a certification, expired it, left, joined again. */
    void run(String organization, int size, Random random, int events, List<long[]> timings) throws Exception {
        for (int i = 0; i < events / 4; i++) {
            String candidate = organization + "-" + (1 + random.nextInt(size));
            String certification = cert(random.nextInt(CERTIFICATIONS));
            String holding = UUID.randomUUID().toString();
            Instant expires = clock.instant().plus(Duration.ofDays(200 + random.nextInt(900)));
            ObjectNode holdingData = JSON.createObjectNode().put("holdingId", holding).put("candidateId", candidate)
                    .put("certificationId", certification).put("expiresAt", expires.toString());
            timings.add(applyTimed(certifications, event(InboundEvents.CertificationEarned.TYPE, candidate, holdingData)));
            timings.add(applyTimed(certifications, event(InboundEvents.CertificationEnded.EXPIRED_TYPE, candidate, holdingData)));
            ObjectNode member = JSON.createObjectNode().put("organizationId", organization).put("candidateId", candidate)
                    .put("userId", UUID.randomUUID().toString());
            timings.add(applyTimed(membership, event(InboundEvents.EmployeeLeft.TYPE, candidate, member.deepCopy().put("reason", "DEPARTED"))));
            timings.add(applyTimed(membership, event(InboundEvents.EmployeeJoined.TYPE, candidate, member)));
        }
    }

    private Instant lastStamp = Instant.EPOCH;

    CloudEvent event(String type, String subject, ObjectNode data) {
        lastStamp = stampAfter(clock::instant, lastStamp); // membership events are ordered by time
        return CloudEvent.of("/bench", type, subject, lastStamp, data);
    }

    /**
     * As {@link #apply}, and the CPU time of this thread meanwhile (the service's side of the work: the handler runs on
     * the calling thread; PostgreSQL's side is {@link PostgresCpu}): {wall nanoseconds, CPU nanoseconds}.
     */
    long[] applyTimed(io.partnerhub.chassis.events.EventHandler handler, CloudEvent event) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = apply(handler, event);
        return new long[] { wall, THREADS.getCurrentThreadCpuTime() - cpu };
    }

    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** As the inbox consumer applies an event: the handler in its own transaction; returns the nanoseconds, commit included. */
    long apply(io.partnerhub.chassis.events.EventHandler handler, CloudEvent event) {
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> handler.handle(event));
        return System.nanoTime() - start;
    }

    void reevaluation(LocalDate today) throws Exception {
        LocalDate tomorrow = today.plusDays(1);
        long t0 = System.nanoTime();
        for (int k = 0; k < COMPETENCIES; k++) {
            // stricter silver over three certifications (a new skill set: counted for every organisation when defined)
            define(k, "v2", tomorrow, 2, 6, 1500, 3);
        }
        System.out.printf("defining v2 of %d competencies (new skill sets counted for every organisation): %.1f s%n", COMPETENCIES,
                (System.nanoTime() - t0) / 1e9);
        long changesBefore = count("SELECT count(*) FROM competency_status_change");
        clock.setOffset(Duration.ofDays(1)); // v2 takes effect
        try {
            // the production sweep (sweep-threads workers, batches of sweep-batch-size) until nothing is left
            long evaluations = 0;
            long start = System.nanoTime();
            int done;
            do {
                done = sweep.sweepNow();
                evaluations += done;
                System.out.printf("re-evaluation progress: %,d statuses after %.1f s%n", evaluations, (System.nanoTime() - start) / 1e9);
            } while (done > 0);
            double secondsTaken = (System.nanoTime() - start) / 1e9;
            long outdated = count("SELECT count(*) FROM competency_status WHERE organization_id LIKE '" + run
                    + "-o-%' AND requirement_version <> 'v2'");
            long published = count("SELECT count(*) FROM competency_status_change") - changesBefore;
            System.out.printf("re-evaluation when v2 takes effect: %,d statuses (%,d organisations x %d competencies) in %.1f s"
                    + " = %,.0f evaluations/s, 1M evaluations in %.1f min (goal <= 5 min); %,d changes published; %d left"
                    + " outdated; %d threads, batches of %d%n", evaluations, ORGANISATIONS, COMPETENCIES, secondsTaken,
                    evaluations / secondsTaken, 1_000_000 / (evaluations / secondsTaken) / 60, published, outdated,
                    config.sweepThreads(), config.sweepBatchSize());
        } finally {
            clock.setOffset(Duration.ZERO);
        }
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

    static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }
}
