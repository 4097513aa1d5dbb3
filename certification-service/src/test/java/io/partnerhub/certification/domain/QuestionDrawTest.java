package io.partnerhub.certification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionDrawTest {

    /** "design:50 secure:30 operate:20" → skill areas with those shares. */
    static Blueprint blueprint(int questions, String shares) {
        List<SkillArea> areas = Arrays.stream(shares.split(" ")).map(s -> s.split(":"))
                .map(s -> new SkillArea(s[0], s[0].toUpperCase(), Integer.parseInt(s[1]))).toList();
        return new Blueprint(questions, 45, 60, areas);
    }

    /** "design:30 secure:9" → that many questions per skill area, named area-n. */
    static Map<String, List<String>> bank(String sizes) {
        Map<String, List<String>> bank = new LinkedHashMap<>();
        for (String s : sizes.split(" ")) {
            String[] parts = s.split(":");
            bank.put(parts[0], IntStream.range(0, Integer.parseInt(parts[1])).mapToObj(i -> parts[0] + "-" + i).toList());
        }
        return bank;
    }

    @ParameterizedTest(name = "{0} questions by {1} → {2}")
    @CsvSource({
            "25, design:50 secure:30 operate:20, design:13 secure:7 operate:5", // 12.5/7.5/5: remainders to the earlier area
            "10, design:50 secure:50,            design:5 secure:5",
            "10, a:34 b:33 c:33,                 a:4 b:3 c:3",
            "1,  a:50 b:50,                      a:1 b:0",
            "7,  a:100,                          a:7" })
    void drawsEachSkillAreaItsShareAddingUpToTheQuestionCount(int questions, String shares, String expected) {
        Map<String, Integer> draws = blueprint(questions, shares).draws();
        assertEquals(expected, String.join(" ", draws.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList()));
        assertEquals(questions, draws.values().stream().mapToInt(Integer::intValue).sum());
    }

    @ParameterizedTest(name = "{0} by {1} from {2}: short {3}")
    @CsvSource({
            "10, a:50 b:50, a:15 b:15, ''",
            "10, a:50 b:50, a:15 b:14, b:14<15",
            "10, a:50 b:50, a:30,      b:0<15",
            "25, a:60 b:40, a:45 b:29, b:29<30",
            "10, a:50 b:50, a:14 b:14, a:14<15 b:14<15" })
    void refusesABankWithFewerThanThreeTimesTheDrawPerSkillArea(int questions, String shares, String sizes, String expected) {
        Map<String, Long> counts = new LinkedHashMap<>();
        bank(sizes).forEach((area, list) -> counts.put(area, (long) list.size()));
        List<Blueprint.BankShortage> shortages = blueprint(questions, shares).shortages(counts);
        assertEquals(expected, String.join(" ", shortages.stream().map(s -> s.skillArea() + ":" + s.have() + "<" + s.need()).toList()));
    }

    @Test
    void drawsWithoutRepeatsOnlyFromTheGivenActiveQuestionsAndTheSharesOfTheBlueprint() {
        Blueprint blueprint = blueprint(10, "design:60 secure:40");
        Map<String, List<String>> active = bank("design:18 secure:12 retired:50");
        for (int seed = 0; seed < 50; seed++) {
            List<String> drawn = QuestionDraw.draw(blueprint, active, new Random(seed));
            assertEquals(10, drawn.size());
            assertEquals(10, new HashSet<>(drawn).size(), "no repeats");
            assertEquals(6, drawn.stream().filter(q -> q.startsWith("design-")).count());
            assertEquals(4, drawn.stream().filter(q -> q.startsWith("secure-")).count());
            assertTrue(drawn.stream().noneMatch(q -> q.startsWith("retired-")), "only the blueprint's skill areas");
        }
    }

    @Test
    void drawsDifferentQuestionsForDifferentAttempts() {
        Blueprint blueprint = blueprint(10, "design:100");
        Map<String, List<String>> active = bank("design:30");
        assertTrue(new HashSet<>(QuestionDraw.draw(blueprint, active, new Random(1)))
                .size() == 10 && !QuestionDraw.draw(blueprint, active, new Random(1)).equals(QuestionDraw.draw(blueprint, active, new Random(2))));
    }

    @Test
    void refusesToDrawFromABankThatShrankBelowTheBlueprint() {
        QuestionDraw.BankTooSmall refused = assertThrows(QuestionDraw.BankTooSmall.class,
                () -> QuestionDraw.draw(blueprint(10, "design:50 secure:50"), bank("design:15 secure:3"), new Random(0)));
        assertEquals(List.of(new Blueprint.BankShortage("secure", 3, 15)), refused.shortages());
    }

    @ParameterizedTest(name = "{0} questions, {1} min, pass {2}, {3} → {4}")
    @CsvSource(delimiter = '|', value = {
            "25 | 45 | 60 | a:50 b:50 | ''",
            "0  | 45 | 60 | a:100     | questionCount must be 1 to 200",
            "25 | 0  | 60 | a:100     | timeLimitMinutes must be 1 to 600",
            "25 | 45 | 0  | a:100     | passMarkPercent must be 1 to 100",
            "25 | 45 | 60 | a:50 b:40 | the shares of the skill areas sum to 90, not 100",
            "25 | 45 | 60 | a:50 a:50 | skill area a is named twice",
            "25 | 45 | 60 | a:100 b:0 | skill area b needs a share of at least 1" })
    void acceptsOnlyABlueprintWhoseSharesSumTo100(int questions, int minutes, int passMark, String shares, String expected) {
        Blueprint blueprint = new Blueprint(questions, minutes, passMark, blueprint(1, shares).skillAreas());
        assertEquals(expected, String.join("; ", blueprint.problems()));
    }
}
