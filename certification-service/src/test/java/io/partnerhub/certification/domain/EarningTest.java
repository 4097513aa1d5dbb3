package io.partnerhub.certification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EarningTest {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    static CertificationRule rule(String id, CertificationLevel level, List<List<String>> exams, List<String> prerequisites,
            boolean retired) {
        return new CertificationRule(id, level, new RequiredExams(exams), prerequisites, retired);
    }

    static final List<CertificationRule> CATALOGUE = List.of(
            rule("fundamentals", CertificationLevel.FUNDAMENTALS, List.of(List.of("AZ-900")), List.of(), false),
            rule("administrator", CertificationLevel.ASSOCIATE, List.of(List.of("AZ-104")), List.of(), false),
            rule("developer", CertificationLevel.ASSOCIATE, List.of(List.of("AZ-204")), List.of(), false),
            rule("architect", CertificationLevel.EXPERT, List.of(List.of("AZ-305"), List.of("AZ-104", "AZ-204")), List.of(), false),
            rule("devops", CertificationLevel.EXPERT, List.of(List.of("AZ-400")), List.of("administrator"), false),
            rule("security", CertificationLevel.SPECIALTY, List.of(List.of("AZ-500")), List.of("devops"), false),
            rule("legacy", CertificationLevel.ASSOCIATE, List.of(List.of("AZ-103")), List.of(), true));

    static List<Pass> passes(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(codes.split(" ")).map(code -> new Pass(code, T0)).toList();
    }

    /** holdings as "id:active", "id:ended" (ended before T0), "id:overdue". */
    static List<HeldCertification> holdings(String spec) {
        List<HeldCertification> held = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return held;
        }
        for (String entry : spec.split(" ")) {
            String[] parts = entry.split(":");
            held.add(switch (parts[1]) {
                case "active" -> HeldCertification.active(parts[0]);
                case "ended" -> HeldCertification.ended(parts[0], T0.minusSeconds(3600));
                case "endedLater" -> HeldCertification.ended(parts[0], T0.plusSeconds(3600));
                default -> HeldCertification.overdue(parts[0]);
            });
        }
        return held;
    }

    @ParameterizedTest(name = "passed [{0}], holding [{1}] → earns [{2}]")
    @CsvSource(delimiter = '|', value = {
            // groups: all groups, any exam within a group
            "AZ-305              |                     | ",
            "AZ-305 AZ-104       |                     | administrator architect",
            "AZ-305 AZ-204       |                     | architect developer",
            "AZ-104 AZ-204       |                     | administrator developer",
            // fundamentals and unrelated passes
            "AZ-900              |                     | fundamentals",
            "AI-102              |                     | ",
            // prerequisites must be held active
            "AZ-400              |                     | ",
            "AZ-400              | administrator:active | devops",
            "AZ-400              | administrator:overdue | ",
            "AZ-400              | administrator:ended  | ",
            // chains: a prerequisite earned now lets the next one be earned now, transitively
            "AZ-104 AZ-400       |                     | administrator devops",
            "AZ-104 AZ-400 AZ-500 |                    | administrator devops security",
            "AZ-400 AZ-500       |                     | ",
            // retired certifications are never earned (nor their chains)
            "AZ-103              |                     | ",
            // idempotent: an open holding (active or overdue awaiting the sweep) is never earned twice
            "AZ-104              | administrator:active | ",
            "AZ-104              | administrator:overdue | ",
            "AZ-104 AZ-900       | administrator:active | fundamentals",
            // an ended holding is re-earned only by passes after it ended
            "AZ-104              | administrator:ended  | administrator",
            "AZ-104              | administrator:endedLater | ",
    })
    void earnsExactlyTheCertificationsThePassesAndActivePrerequisitesSatisfy(String passed, String held, String expected) {
        List<String> earned = Earning.newlyEarned(CATALOGUE, passes(passed), holdings(held)).stream()
                .map(Earned::certificationId).sorted().toList();
        List<String> want = expected == null ? List.of() : Arrays.stream(expected.split(" ")).sorted().toList();
        assertEquals(want, earned);
    }

    @Test
    void chainsComeOutPrerequisiteFirstWithTheExamsThatEarnedThem() {
        List<Earned> earned = Earning.newlyEarned(CATALOGUE, passes("AZ-500 AZ-400 AZ-104"), List.of());
        assertEquals(List.of(
                new Earned("administrator", CertificationLevel.ASSOCIATE, List.of("AZ-104")),
                new Earned("devops", CertificationLevel.EXPERT, List.of("AZ-400")),
                new Earned("security", CertificationLevel.SPECIALTY, List.of("AZ-500"))), earned);
    }

    @Test
    void countsOneExamPerGroupInTheEarnedExamCodes() {
        List<Earned> earned = Earning.newlyEarned(List.of(CATALOGUE.get(3)), passes("AZ-204 AZ-104 AZ-305"), List.of());
        assertEquals(List.of(new Earned("architect", CertificationLevel.EXPERT, List.of("AZ-305", "AZ-104"))), earned);
    }
}
