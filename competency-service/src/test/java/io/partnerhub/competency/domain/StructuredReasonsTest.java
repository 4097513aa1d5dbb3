package io.partnerhub.competency.domain;

import static io.partnerhub.competency.domain.EvaluationTest.HORIZON;
import static io.partnerhub.competency.domain.EvaluationTest.NOW;
import static io.partnerhub.competency.domain.EvaluationTest.VERSION;
import static io.partnerhub.competency.domain.EvaluationTest.facts;
import static io.partnerhub.competency.domain.EvaluationTest.member;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnerhub.competency.domain.OrganizationFacts.Credential;
import io.partnerhub.competency.domain.OrganizationFacts.Member;

/** Issue 27: every reason carries as data what its sentence names: requirement, credentials, people, the day. */
class StructuredReasonsTest {

    private static final CompetencyState SILVER = new CompetencyState(Level.SILVER, false, List.of(), NOW, StatusRules.plusYear(NOW));

    static Stream<Arguments> cases() {
        Member expiring = new Member("c2", List.of(new Credential("az-305", NOW.plus(Duration.ofDays(30)))));
        return Stream.of(
                Arguments.of("a departure: the unmet requirement, its credentials and who still counts",
                        facts(member("c1", "az-104")),
                        new Reason(Reason.Kind.REQUIREMENT_NOT_MET, Level.SILVER, 1, "2 individuals holding one of az-104, az-305",
                                List.of("az-104", "az-305"), List.of("c1"), null,
                                "SILVER requirement not met (path 1): 1 of 2 individuals holding one of az-104, az-305; counted: c1")),
                Arguments.of("nobody left: no one counts",
                        facts(),
                        new Reason(Reason.Kind.REQUIREMENT_NOT_MET, Level.SILVER, 1, "2 individuals holding one of az-104, az-305",
                                List.of("az-104", "az-305"), List.of(), null,
                                "SILVER requirement not met (path 1): 0 of 2 individuals holding one of az-104, az-305")),
                Arguments.of("an expiry before valid-until: the credential, the person and the day",
                        facts(member("c1", "az-104"), expiring),
                        new Reason(Reason.Kind.CREDENTIAL_EXPIRES, Level.SILVER, 1, "2 individuals holding one of az-104, az-305",
                                List.of("az-305"), List.of("c2"), LocalDate.parse("2027-03-31"),
                                "c2's az-305 expires on 2027-03-31, before valid-until 2028-03-01, and no one else can replace it"
                                        + " (2 individuals holding one of az-104, az-305)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aReasonCarriesWhatItsSentenceNames(String name, OrganizationFacts facts, Reason expected) {
        StatusRules.Outcome outcome = StatusRules.next(SILVER, VERSION, facts, NOW.plusSeconds(60), HORIZON);
        assertEquals(expected, outcome.state().reasons().get(0));
        assertEquals(List.of(expected.text()), outcome.transitions().get(0).reasons().stream().map(Reason::text).toList(),
                "the event carries the same sentence");
    }

    @Test
    void aForecastLossNamesTheRequirementAndWhoStopsCounting() {
        Instant soon = NOW.plus(Duration.ofDays(40));
        OrganizationFacts facts = new OrganizationFacts(List.of(member("c1", "az-104"),
                new Member("c2", List.of(new Credential("az-305", soon)))), List.of());
        List<Forecast.Entry> entries = Forecast.of(VERSION, facts, NOW, StatusRules.plusYear(NOW));
        Forecast.Entry loss = entries.get(0);
        assertEquals(List.of("c2"), loss.candidates());
        assertEquals(1, loss.morePeople());
        Reason reason = loss.reasons().get(0);
        assertEquals(List.of("az-104", "az-305"), reason.credentials());
        assertEquals(List.of("c2"), reason.people());
        assertEquals(LocalDate.parse("2027-04-10"), reason.on());
        assertEquals("2 individuals holding one of az-104, az-305", reason.requirement());
    }
}
