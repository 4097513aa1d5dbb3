package io.partnerhub.competency.bench;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.partnerhub.competency.EventsSupport;
import io.partnerhub.competency.designation.DesignationBatch;
import io.partnerhub.competency.status.Cause;
import io.partnerhub.competency.status.StatusRecompute;
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
 * #26 benchmark (prints figures; deploy/bench/projection-rebuild, never in ./mvnw verify): a population of
 * {@value #PEOPLE} people in organisations of {@value #MEMBERS_EACH}, {@value #HOLDINGS_EACH} holdings each (one in ten
 * ended), figures for a third of the organisations, {@value #COMPETENCIES} competencies, bulk-inserted into the
 * projections; every organisation's statuses computed (StatusRecompute) and kept. Then a rebuild:
 * the projections dropped, the snapshot events (built from that state by PostgreSQL, as the producers would publish
 * them) produced onto the real broker, applied by the batched path, every organisation recomputed once; events/s
 * printed (goal >= 5,000/s) and the statuses compared row by row with those kept before.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
@TestProfile(ProjectionRebuildBench.Profile.class)
class ProjectionRebuildBench {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnerhub.competency.sweep-interval", "1h",
                    "quarkus.log.category.\"io.partnerhub.competency\".level", "WARN",
                    "quarkus.log.category.\"io.partnerhub.competency.rebuild\".level", "INFO");
        }
    }

    static final int PEOPLE = Integer.getInteger("bench.people", 100_000);
    static final int MEMBERS_EACH = 10;
    static final int HOLDINGS_EACH = 3;
    static final int COMPETENCIES = 10;
    static final int CERTIFICATIONS = 20;
    static final String STATUS_COLUMNS = "organization_id, competency_id, level, path, at_risk, reasons::text, attained_at,"
            + " valid_until, requirement_version, requirements::text, next_check_at";
    /** Designation and specialisation statuses, one text row each (kind, organisation, area or specialisation, state, …). */
    static final String DESIGNATION_ROWS = "SELECT line FROM (SELECT concat_ws(' | ', 'designation', organization_id, solution_area_id, state, track,"
            + " score_tenths, qualifies_today, score_version, last_evaluated) AS line FROM designation_status WHERE organization_id LIKE '%1$s-%%'"
            + " UNION ALL SELECT concat_ws(' | ', 'specialisation', organization_id, specialisation_id, solution_area_id, name, state,"
            + " have, need) FROM specialisation_status WHERE organization_id LIKE '%1$s-%%'"
            + " UNION ALL SELECT concat_ws(' | ', 'day', organization_id, solution_area_id, subject, day) FROM designation_qualifying_day"
            + " WHERE organization_id LIKE '%1$s-%%') listed";

    @Inject
    DataSource dataSource;
    @Inject
    StatusRecompute status;
    @Inject
    DesignationBatch designations;

    final String run = "r" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void rebuildFromSnapshots() throws Exception {
        int organisations = PEOPLE / MEMBERS_EACH;
        long t0 = System.nanoTime();
        LocalDate today = LocalDate.now();
        for (int k = 0; k < COMPETENCIES; k++) {
            String competency = run + "-comp-" + k;
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                    .body("{\"id\":\"" + competency + "\",\"name\":\"Bench " + k + "\"}").post("/competencies").then().statusCode(201);
            String a = cert(k);
            String b = cert(k + 1);
            EventsSupport.catalogue(a, b);
            EventsSupport.defineVersion(competency, """
                    {"version":"v1","effectiveFrom":"%s",
                     "silver":{"paths":[{"requirements":[{"kind":"SKILL","individuals":2,"anyOf":["%s","%s"]}]}]},
                     "gold":{"paths":[{"requirements":[{"kind":"SKILL","individuals":4,"anyOf":["%s"]},
                                                       {"kind":"PERFORMANCE","metric":"REVENUE","threshold":1000}]}]}}"""
                    .formatted(today, a, b, a)).statusCode(201);
        }
        seed(organisations);
        List<String> organisationIds = strings("SELECT id FROM organization WHERE id LIKE '" + run + "-%' ORDER BY id");
        long t1 = System.nanoTime();
        recomputeAll(organisationIds);
        sql("DROP TABLE IF EXISTS bench_status_before; CREATE TABLE bench_status_before AS SELECT " + STATUS_COLUMNS
                + " FROM competency_status WHERE organization_id LIKE '" + run + "-%'");
        sql("DROP TABLE IF EXISTS bench_designation_before; CREATE TABLE bench_designation_before AS " + DESIGNATION_ROWS.formatted(run));
        System.out.printf("projection rebuild benchmark %s: seeded %,d people, %,d holdings, %,d organisations in %.0f s;"
                + " statuses computed before in %.0f s: %s%n", run, PEOPLE, count("SELECT count(*) FROM credential"), organisations,
                (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, levels());
        sql("CREATE TABLE IF NOT EXISTS bench_snapshot (seq bigserial, topic text, subject text, value text)");
        sql("TRUNCATE bench_snapshot");

        String id = given().auth().oauth2(TestTokens.ops()).post("/admin/projections/rebuild").then().statusCode(202)
                .extract().path("id");
        long start = System.nanoTime();
        buildSnapshot(id); // from the kept copy of the state (the projections are empty now)
        long events = produce();
        double produced = (System.nanoTime() - start) / 1e9;
        String state;
        long[] finishCpu = { -1, 0 }; // the JVM's CPU time when FINISHING was first seen; used until DONE
        do {
            Thread.sleep(2000);
            var progress = given().auth().oauth2(TestTokens.ops()).get("/admin/projections/rebuild/{id}", id).then().extract();
            state = progress.path("state");
            long cpu = processCpuNanos();
            if (state.equals("FINISHING") && finishCpu[0] < 0) {
                finishCpu[0] = cpu;
            } else if (!state.equals("APPLYING") && !state.equals("FINISHING") && finishCpu[0] >= 0) {
                finishCpu[1] = cpu - finishCpu[0];
            }
            System.out.printf("rebuild progress: %s, %s events applied, %s/%s organisations recomputed after %.0f s%n", state,
                    progress.path("events"), progress.path("recomputed"), progress.path("organizations"),
                    (System.nanoTime() - start) / 1e9);
        } while (state.equals("APPLYING") || state.equals("FINISHING"));
        var done = given().auth().oauth2(TestTokens.ops()).get("/admin/projections/rebuild/{id}", id).then().extract();
        double applying = seconds("last_event_at - first_event_at", id);
        double recount = seconds("applied_at - last_event_at", id);
        double recompute = seconds("finished_at - applied_at", id);
        double total = seconds("finished_at - started_at", id);
        long differing = count("SELECT count(*) FROM ((SELECT * FROM bench_status_before EXCEPT SELECT " + STATUS_COLUMNS
                + " FROM competency_status WHERE organization_id LIKE '" + run + "-%') UNION ALL (SELECT " + STATUS_COLUMNS
                + " FROM competency_status WHERE organization_id LIKE '" + run + "-%' EXCEPT SELECT * FROM bench_status_before)) d");
        System.out.printf("rebuild %s: %,d snapshot events (built and produced by the bench in %.1f s) applied in %.1f s from"
                + " the first to the last = %,.0f events/s (batched path, goal >= 5,000/s); holders recounted in %.1f s; %s"
                + " organisations recomputed once in %.1f s; end to end (from POST, the bench's snapshot building included)"
                + " %.1f s = %,.0f events/s; %s duplicates%n", state, events, produced, applying, events / applying, recount,
                done.path("organizations"), recompute, total, events / total, done.path("duplicates"));
        System.out.printf("statuses before vs after (%,d rows, compared row by row): %,d differ; after: %s%n",
                count("SELECT count(*) FROM bench_status_before"), differing, levels());
        long designationsDiffering = count("SELECT count(*) FROM ((SELECT line FROM bench_designation_before EXCEPT "
                + DESIGNATION_ROWS.formatted(run) + ") UNION ALL (" + DESIGNATION_ROWS.formatted(run)
                + " EXCEPT SELECT line FROM bench_designation_before)) d");
        if (designationsDiffering > 0) {
            System.out.printf("statuses differing, e.g. before: %s; after: %s%n",
                    strings("SELECT line FROM bench_designation_before EXCEPT " + DESIGNATION_ROWS.formatted(run) + " LIMIT 3"),
                    strings(DESIGNATION_ROWS.formatted(run) + " EXCEPT SELECT line FROM bench_designation_before LIMIT 3"));
        }
        System.out.printf("statuses of designations, specialisations and qualifying days before vs after (%,d rows, compared row by"
                + " row): %,d differ; JVM CPU during the finish %.1f s (load average %.1f)%n",
                count("SELECT count(*) FROM bench_designation_before"), designationsDiffering, finishCpu[1] / 1e9,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    String cert(int j) {
        return run + "-cert-" + Math.floorMod(j, CERTIFICATIONS);
    }

    void seed(int organisations) throws Exception {
        String org = "'" + run + "-o-' || o";
        sql("INSERT INTO organization (id, mpn_id, name, registered_at) SELECT " + org + ", o::text, 'bench ' || o, now() - interval '30 days'"
                + " FROM generate_series(1, " + organisations + ") o");
        sql("INSERT INTO employee (candidate_id, organization_id, user_id, since) SELECT " + org + " || '-' || i, " + org
                + ", NULL, now() - interval '20 days' FROM generate_series(1, " + organisations + ") o, generate_series(1, "
                + MEMBERS_EACH + ") i");
        sql("SELECT setseed(0.26); INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at, organization_id)"
                + " SELECT gen_random_uuid()::text, " + org + " || '-' || i, '" + run + "-cert-' || floor(random() * "
                + CERTIFICATIONS + ")::int, date_trunc('milliseconds', now() + (floor(random() * 1100) + 1) * interval '1 day'),"
                + " random() > 0.1, date_trunc('milliseconds', now() - interval '10 days'), " + org
                + " FROM generate_series(1, " + organisations + ") o, generate_series(1, " + MEMBERS_EACH + ") i, generate_series(1, "
                + HOLDINGS_EACH + ") h");
        sql("INSERT INTO performance_figure (organization_id, metric, period_start, period_end, value, reported_at, source) SELECT "
                + org + ", 'REVENUE', current_date - 60, current_date - 30, floor(random() * 3000), date_trunc('milliseconds', now()"
                + " - interval '5 days'), 'demo-crm' FROM generate_series(1, " + organisations + ") o WHERE o % 3 = 0");
        sql("INSERT INTO skill_holders (organization_id, skill_set, holders) SELECT c.organization_id, s.key,"
                + " count(DISTINCT c.candidate_id) FROM skill_set s JOIN credential c ON c.credential = ANY(s.credentials)"
                + " AND c.active AND c.organization_id LIKE '" + run + "-%' GROUP BY 1, 2"
                + " ON CONFLICT (organization_id, skill_set) DO UPDATE SET holders = excluded.holders");
        sql("ANALYZE");
        // the state the producers hold, kept: the snapshot is built from it after the rebuild dropped the projections
        sql("DROP TABLE IF EXISTS bench_organization, bench_employee, bench_credential, bench_figure;"
                + " CREATE TABLE bench_organization AS SELECT * FROM organization; CREATE TABLE bench_employee AS SELECT * FROM employee;"
                + " CREATE TABLE bench_credential AS SELECT * FROM credential; CREATE TABLE bench_figure AS SELECT * FROM performance_figure");
    }

    /**
     * Every organisation's statuses through StatusRecompute and designations through DesignationBatch (as the rebuild's
     * end does), 100 per transaction, 2 threads: the state the rebuild must come back to.
     */
    void recomputeAll(List<String> organisations) throws Exception {
        Cause cause = new Cause("bench-" + run, "bench", null);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int from = 0; from < organisations.size(); from += 100) {
            List<String> slice = organisations.subList(from, Math.min(organisations.size(), from + 100));
            running.add(workers.submit(() -> QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                status.recomputeAll(slice, cause);
                designations.recordPerformance(slice, java.time.Instant.now());
                designations.refresh(slice);
            })));
        }
        for (Future<?> future : running) {
            future.get();
        }
        workers.shutdown();
    }

    /** The snapshot events as CloudEvents JSON, built by PostgreSQL from the kept state (ids random, sequences in order). */
    void buildSnapshot(String reference) throws Exception {
        String envelope = "json_build_object('specversion', '1.0', 'id', gen_random_uuid(), 'source', '%s', 'type', '%s',"
                + " 'subject', %s, 'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),"
                + " 'datacontenttype', 'application/json', 'data', json_build_object('snapshotId', '%s', 'reference', '" + reference
                + "', 'sequence', row_number() OVER (), 'last', false, 'version', 0, %s))::text";
        String cert = UUID.randomUUID().toString();
        String member = UUID.randomUUID().toString();
        sql("INSERT INTO bench_snapshot (topic, subject, value) SELECT 'membership-events', id, " + envelope.formatted(
                "/membership-service", "io.partnerhub.organization.snapshot.v1", "id", member,
                "'organizationId', id, 'mpnId', mpn_id, 'name', name, 'registeredAt', registered_at") + " FROM bench_organization");
        sql("INSERT INTO bench_snapshot (topic, subject, value) SELECT 'membership-events', candidate_id, " + envelope.formatted(
                "/membership-service", "io.partnerhub.employee.association-snapshot.v1", "candidate_id", member,
                "'candidateId', candidate_id, 'organizationId', organization_id, 'userId', user_id, 'since', since")
                + " FROM bench_employee");
        sql("INSERT INTO bench_snapshot (topic, subject, value) SELECT 'membership-events', organization_id, " + envelope.formatted(
                "/membership-service", "io.partnerhub.performance.figure-snapshot.v1", "organization_id", member,
                "'organizationId', organization_id, 'metric', metric, 'value', value, 'periodStart', period_start, 'periodEnd',"
                        + " period_end, 'source', source, 'reportedAt', reported_at") + " FROM bench_figure");
        sql("INSERT INTO bench_snapshot (topic, subject, value) SELECT 'certification-events', credential, " + envelope.formatted(
                "/certification-service", "io.partnerhub.certification.catalogue-item-snapshot.v1", "credential", cert,
                "'kind', 'CERTIFICATION', 'id', credential, 'name', name, 'level', level, 'definedAt', known_at")
                + " FROM known_credential WHERE credential NOT LIKE 'assessment:%'");
        sql("INSERT INTO bench_snapshot (topic, subject, value) SELECT 'certification-events', candidate_id, " + envelope.formatted(
                "/certification-service", "io.partnerhub.certification.holding-snapshot.v1", "candidate_id", cert,
                "'candidateId', candidate_id, 'certificationId', credential, 'holdingId', id, 'status', CASE WHEN active THEN"
                        + " 'ACTIVE' ELSE 'EXPIRED' END, 'expiresAt', expires_at") + " FROM bench_credential");
        for (String[] producer : List.of(new String[] { member, "membership", "membership-events" },
                new String[] { cert, "certification", "certification-events" })) {
            long total = count("SELECT count(*) FROM bench_snapshot WHERE value LIKE '%\"snapshotId\" : \"" + producer[0] + "\"%'");
            sql("INSERT INTO bench_snapshot (topic, subject, value) SELECT '" + producer[2] + "', '" + producer[0] + "', "
                    + envelope.formatted("/" + producer[1] + "-service", "io.partnerhub." + producer[1] + ".snapshot-completed.v1",
                            "'" + producer[0] + "'", producer[0], "'total', " + total).replace("'last', false", "'last', true"));
        }
    }

    /** Produces the snapshot events in order onto the broker; returns how many. */
    long produce() throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PartnerHubTestResource.kafkaBootstrapServers());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties);
                Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement select = connection.createStatement()) {
                select.setFetchSize(5000);
                try (ResultSet rows = select.executeQuery("SELECT topic, subject, value FROM bench_snapshot ORDER BY seq")) {
                    while (rows.next()) {
                        producer.send(new ProducerRecord<>(rows.getString(1), rows.getString(2), rows.getString(3)));
                        sent++;
                    }
                }
            }
            connection.commit();
            producer.flush();
        }
        return sent;
    }

    String levels() throws Exception {
        return strings("SELECT level || ' ' || count(*) FROM competency_status WHERE organization_id LIKE '" + run
                + "-%' GROUP BY level ORDER BY level").toString();
    }

    double seconds(String interval, String id) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SELECT extract(epoch FROM " + interval + ") FROM projection_rebuild WHERE id = '" + id + "'")) {
            rows.next();
            return rows.getDouble(1);
        }
    }

    void sql(String statement) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    long count(String query) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    List<String> strings(String query) throws Exception {
        List<String> list = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery(query)) {
            while (rows.next()) {
                list.add(rows.getString(1));
            }
        }
        return list;
    }
}
