package io.partnerhub.certification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequiredExamsTest {

    private static final RequiredExams ARCHITECT = new RequiredExams(List.of(List.of("AZ-305"), List.of("AZ-104", "AZ-204")));

    @ParameterizedTest(name = "passed [{0}] meets AZ-305 + one of AZ-104/AZ-204: {1}")
    @CsvSource({
            "'AZ-305 AZ-104', true",
            "'AZ-305 AZ-204', true",
            "'AZ-305 AZ-104 AZ-204', true",
            "'AZ-305', false",
            "'AZ-104 AZ-204', false",
            "'', false",
            "'AZ-900 AZ-305 AZ-400', false" })
    void meetsAllGroupsWithAnyExamOfEachGroup(String passed, boolean met) {
        Set<String> codes = passed.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(passed.split(" ")));
        assertEquals(met, ARCHITECT.isMetBy(codes));
    }

    @Test
    void countsOneExamPerGroup() {
        assertEquals(List.of("AZ-305", "AZ-104"), ARCHITECT.countedExams(Set.of("AZ-104", "AZ-204", "AZ-305")));
    }

    @Test
    void normalisesCodesAndDropsDuplicatesWithinAGroup() {
        assertEquals(List.of(List.of("AZ-104")), new RequiredExams(List.of(List.of(" az-104", "AZ-104"))).groups());
    }

    @Test
    void refusesNoGroupsEmptyGroupsAndMalformedCodes() {
        assertThrows(IllegalArgumentException.class, () -> new RequiredExams(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RequiredExams(List.of(List.of("AZ-104"), List.of())));
        assertThrows(IllegalArgumentException.class, () -> new RequiredExams(List.of(List.of("AZ 104"))));
    }
}
