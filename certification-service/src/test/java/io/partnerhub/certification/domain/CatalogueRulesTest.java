package io.partnerhub.certification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogueRulesTest {

    /** "a>b,c d>a" = a requires b and c, d requires a. */
    static Map<String, List<String>> graph(String spec) {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (String entry : spec.split(" ")) {
            String[] parts = entry.split(">");
            graph.put(parts[0], parts.length > 1 ? Arrays.asList(parts[1].split(",")) : List.of());
        }
        return graph;
    }

    @ParameterizedTest(name = "{0} → cycle {1}")
    @CsvSource({
            "'a>b b>c c',        ",
            "'a>b,c b>c c d>a',  ",
            "'a>a',              a>a",
            "'a>b b>a',          a>b>a",
            "'a>b b>c c>a d>a',  a>b>c>a" })
    void findsACycleOfPrerequisites(String spec, String cycle) {
        Optional<List<String>> found = PrerequisiteGraph.findCycle(graph(spec));
        assertEquals(cycle == null ? Optional.empty() : Optional.of(Arrays.asList(cycle.split(">"))), found);
    }

    @ParameterizedTest(name = "retires {0}, today {1} → {2}")
    @CsvSource({
            ",           2027-01-01, ACTIVE",
            "2027-01-31, 2027-01-30, RETIRING",
            "2027-01-31, 2027-01-31, RETIRED",
            "2027-01-31, 2028-01-01, RETIRED" })
    void derivesTheLifecycleFromTheRetirementDate(LocalDate retiresOn, LocalDate today, CertificationStatus status) {
        assertEquals(status, CertificationStatus.of(retiresOn, today));
    }
}
