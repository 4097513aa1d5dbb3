package io.partnerhub.competency.domain.designation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnerhub.competency.domain.designation.Specialisation.Holding;

/** P8: a specialisation: the designation held plus named certifications held by N associated people. */
class SpecialisationTest {

    static final Specialisation LOW_CODE = new Specialisation("low-code", "Low Code Application Development",
            "business-applications", List.of("pl-200", "pl-400"), 2);

    static Holding holding(String candidate, String certification) {
        return new Holding(candidate, certification);
    }

    static Stream<Arguments> cases() {
        List<Holding> two = List.of(holding("c1", "pl-200"), holding("c2", "pl-400"));
        return Stream.of(
                Arguments.of("designation kept, two people with named certifications", DesignationState.KEPT, two, true),
                Arguments.of("designation at risk is still held", DesignationState.AT_RISK, two, true),
                Arguments.of("designation just attained", DesignationState.ATTAINED,
                        List.of(holding("c1", "pl-200"), holding("c2", "pl-200"), holding("c3", "pl-400")), true),
                Arguments.of("one person holding both counts once", DesignationState.KEPT,
                        List.of(holding("c1", "pl-200"), holding("c1", "pl-400")), false),
                Arguments.of("an unnamed certification does not count", DesignationState.KEPT,
                        List.of(holding("c1", "pl-200"), holding("c2", "az-104")), false),
                Arguments.of("without the designation", DesignationState.NONE, two, false),
                Arguments.of("with the designation lost", DesignationState.LOST, two, false));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("cases")
    void qualifiesWithTheDesignationHeldAndEnoughPeopleHoldingNamedCertifications(String description,
            DesignationState designation, List<Holding> holdings, boolean qualifies) {
        assertEquals(qualifies, LOW_CODE.qualifies(designation, holdings));
    }

    @Test
    void isAttainedAtRiskAndLostThroughTheSameWindow() {
        LocalDate departure = LocalDate.parse("2027-02-10");
        List<Holding> before = List.of(holding("c1", "pl-200"), holding("c2", "pl-400"));
        List<Holding> after = List.of(holding("c1", "pl-200"));
        List<String> events = TransitionTest.replay("specialisation", "2027-01-01", "2027-08-31",
                day -> LOW_CODE.qualifies(DesignationState.KEPT, day.isBefore(departure) ? before : after));
        assertEquals(List.of("2027-01-01 specialisation.attained.v1", "2027-02-10 specialisation.at-risk.v1",
                "2027-08-01 specialisation.lost.v1"), events);
    }

    @Test
    void refusesASpecialisationWithoutCertificationsOrPeople() {
        assertThrows(IllegalArgumentException.class, () -> new Specialisation("x", "X", "a", List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> new Specialisation("x", "X", "a", List.of("pl-200"), 0));
    }
}
