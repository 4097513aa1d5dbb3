-- What a provider result writes (exam-service ResultService.record): the attempt and its exam.passed event in the
-- outbox, one transaction (the services commit with synchronous_commit on, as deploy/run's PostgreSQL runs).
\set score random(600, 1000)
BEGIN;
INSERT INTO exam_attempt (id, provider_result_id, registration_id, candidate_id, exam_code, score, taken_at, status, passed,
                          recorded_at, version, provider)
VALUES (gen_random_uuid(), 'PB-' || gen_random_uuid(), gen_random_uuid(), 'pgbench-' || :client_id, 'PD-PGBENCH', :score,
        now(), 'SCORED', :score >= 700, now(), 0, 'PEARSON_VUE');
INSERT INTO outbox_event (id, topic, event_key, event_type, payload, traceparent)
VALUES (gen_random_uuid(), 'exam-events', 'pgbench-' || :client_id, 'io.partnerhub.exam.passed.v1',
        ('{"specversion":"1.0","type":"io.partnerhub.exam.passed.v1","source":"/exam-service","subject":"pgbench-' || :client_id
         || '","data":{"attemptId":"' || gen_random_uuid() || '","candidateId":"pgbench-' || :client_id
         || '","examCode":"PD-PGBENCH","score":' || :score || ',"takenAt":"' || now() || '","provider":"PEARSON_VUE"}}')::json,
        '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
END;
