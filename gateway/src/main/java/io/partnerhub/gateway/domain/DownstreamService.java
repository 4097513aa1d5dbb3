package io.partnerhub.gateway.domain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The four services behind the gateway and the top-level path segments each one owns (DESIGN.md §5).
 */
public enum DownstreamService {

    EXAM("exam", "exam-service", List.of("exams", "exam-registrations", "exam-results", "exam-candidates")),
    CERTIFICATION("certification", "certification-service",
            List.of("certifications", "assessments", "assessment-results", "assessment-attempts", "certification-holdings",
                    "transcripts", "shared-transcripts", "badges", "badge-verifications", ".well-known")),
    COMPETENCY("competency", "competency-service",
            List.of("competencies", "competency-status", "competency-simulations", "solution-areas", "designation-status",
                    "programmes", "programme-switch", "organization-credentials")),
    MEMBERSHIP("membership", "membership-service", List.of("organizations", "notifications", "webhooks", "partner-directory"));

    private final String key;
    private final String applicationName;
    private final List<String> segments;

    DownstreamService(String key, String applicationName, List<String> segments) {
        this.key = key;
        this.applicationName = applicationName;
        this.segments = segments;
    }

    /** The short name used in configuration ({@code partnerhub.gateway.services.<key>}) and in {@code /openapi/<key>}. */
    public String key() {
        return key;
    }

    public String applicationName() {
        return applicationName;
    }

    public List<String> segments() {
        return segments;
    }

    public static Optional<DownstreamService> owningSegment(String segment) {
        return Stream.of(values()).filter(s -> s.segments.contains(segment)).findFirst();
    }

    public static Optional<DownstreamService> byKey(String key) {
        return Stream.of(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
