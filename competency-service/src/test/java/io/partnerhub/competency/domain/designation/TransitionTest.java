package io.partnerhub.competency.domain.designation;

import static io.partnerhub.competency.domain.designation.BusinessApplications.fullUntil;
import static io.partnerhub.competency.domain.designation.BusinessApplications.scoreOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.competency.domain.designation.Transition.Standing;

/** P6: old state + standing -> new state + the event to publish. */
class TransitionTest {

    @ParameterizedTest(name = "{0}, eligible {1}, qualifies today {2} -> {3} {4}")
    @CsvSource({
            "NONE, false, false, NONE, ",
            "NONE, true, true, ATTAINED, ATTAINED",
            "NONE, true, false, ATTAINED, ATTAINED",
            "LOST, false, false, LOST, ",
            "LOST, true, true, ATTAINED, ATTAINED",
            "ATTAINED, true, true, KEPT, ",
            "ATTAINED, true, false, AT_RISK, AT_RISK",
            "ATTAINED, false, false, LOST, LOST",
            "KEPT, true, true, KEPT, ",
            "KEPT, true, false, AT_RISK, AT_RISK",
            "KEPT, false, false, LOST, LOST",
            "AT_RISK, true, false, AT_RISK, ",
            "AT_RISK, true, true, KEPT, RISK_CLEARED",
            "AT_RISK, false, false, LOST, LOST"})
    void movesTheStateAndNamesTheEventToPublish(DesignationState old, boolean eligible, boolean qualifiesToday,
            DesignationState state, DesignationEvent event) {
        assertEquals(new Transition(state, Optional.ofNullable(event)),
                Transition.from(old, new Standing(eligible, qualifiesToday)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ATTAINED, designation.attained.v1", "AT_RISK, designation.at-risk.v1",
            "RISK_CLEARED, designation.risk-cleared.v1", "LOST, designation.lost.v1"})
    void namesTheEventTypes(DesignationEvent event, String type) {
        assertEquals(type, event.type("designation"));
    }

    @Test
    void refusesAQualifyingDayOutsideAnEligibleWindow() {
        assertThrows(IllegalArgumentException.class, () -> new Standing(false, true));
    }

    /** "date type" of each event of a replay from NONE. */
    static List<String> replay(String subject, String from, String to, Predicate<LocalDate> qualifiedOn) {
        return Replay.of(DesignationState.NONE, LocalDate.parse(from), LocalDate.parse(to), qualifiedOn).events().stream()
                .map(e -> e.on() + " " + e.event().type(subject)).toList();
    }

    @Test
    void attainsOnTheFirstQualifyingDayIsAtRiskWhenItStopsAndLosesItWhenTheWindowRollsPastIt() {
        DatedFacts dated = fullUntil("2027-03-01");

        assertEquals(List.of("2027-01-10 designation.attained.v1", "2027-03-01 designation.at-risk.v1",
                "2027-08-01 designation.lost.v1"),
                replay("designation", "2027-01-01", "2027-09-01", day -> scoreOn(dated, day).qualifies()));
    }

    @Test
    void aReplayStartingLateStillSeesTheQualifyingDaysOfTheWindowBeforeIt() {
        DatedFacts dated = fullUntil("2027-03-01");

        Replay replay = Replay.of(DesignationState.NONE, LocalDate.parse("2027-05-01"), LocalDate.parse("2027-08-01"),
                day -> scoreOn(dated, day).qualifies());

        assertEquals(List.of(new Replay.DatedEvent(LocalDate.parse("2027-05-01"), DesignationEvent.ATTAINED),
                new Replay.DatedEvent(LocalDate.parse("2027-05-02"), DesignationEvent.AT_RISK),
                new Replay.DatedEvent(LocalDate.parse("2027-08-01"), DesignationEvent.LOST)), replay.events());
        assertEquals(DesignationState.LOST, replay.state());
    }
}
