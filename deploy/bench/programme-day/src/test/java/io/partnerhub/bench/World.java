package io.partnerhub.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/** What the setup made through the API, and the personas (with their tokens) the day's scenarios act as. */
record World(String exam, String certification, String competency,
        String opsToken, String providerToken, String reporterToken,
        List<Admin> admins, List<Employee> employees, Queue<Employee> sitters,
        Queue<Renewal> renewals, List<Booked> probes, Queue<Booked> capacity) {

    /** The partner-admin of an organisation the setup made. */
    record Admin(String org, String token) {
        Map<String, Object> feed() {
            return Map.of("org", org, "token", token);
        }
    }

    /** An employee associated with the organisation ({@code token}: employee, claims org and candidate). */
    record Employee(String org, String candidate, String token) {
    }

    /** A holding in its renewal window (earned with the exam and certification clocks 200 days back). */
    record Renewal(String candidate, String holding, String token) {
    }

    /** A registration booked ahead; its result may be posted from {@code takenAt} on. */
    record Booked(String org, String adminToken, String candidate, String registration, Instant takenAt) {
    }
}
