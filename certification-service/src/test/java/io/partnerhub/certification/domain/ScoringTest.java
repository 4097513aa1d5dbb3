package io.partnerhub.certification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.certification.domain.Scoring.AnsweredQuestion;
import io.partnerhub.certification.domain.Scoring.Rating;

class ScoringTest {

    static Set<String> options(String list) {
        return list.isBlank() ? Set.of() : Arrays.stream(list.split(" ")).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "correct [{0}], answer [{1}] → {2}")
    @CsvSource({
            "a,     a,     true",  // single choice, right
            "a,     b,     false", // single choice, wrong
            "a,     a b,   false", // the right one and a wrong one
            "a,     '',    false", // unanswered
            "a c,   a c,   true",  // multiple choice, all of them
            "a c,   c a,   true",
            "a c,   a,     false", // partial: wrong
            "a c,   a b c, false", // one too many: wrong
            "a c,   '',    false" })
    void countsAQuestionCorrectOnlyWhenExactlyItsCorrectOptionsAreChosen(String correct, String answer, boolean expected) {
        assertEquals(expected, new AnsweredQuestion(1, "a", options(correct), options(answer)).correct());
    }

    @ParameterizedTest(name = "{0}/{1} at pass mark {2} → {3} %, passed {4}")
    @CsvSource({
            "599, 1000, 60, 59.9,  false",
            "600, 1000, 60, 60.0,  true",
            "5999, 10000, 60, 59.9, false", // 59.99: shown rounded down, never as 60.0
            "6, 10, 60, 60.0, true",
            "5, 10, 60, 50.0, false",
            "15, 25, 60, 60.0, true",
            "14, 25, 60, 56.0, false",
            "2, 3, 60, 66.6, true",
            "0, 10, 60, 0.0, false",
            "10, 10, 100, 100.0, true" })
    void passesFromThePassMarkOnExactly(int correct, int total, int passMark, String percentage, boolean passed) {
        assertEquals(passed, Scoring.reaches(correct, total, passMark));
        assertEquals(new BigDecimal(percentage), Scoring.percentage(correct, total));
    }

    @Test
    void reportsEverySkillAreaAsStrongOrNeedingImprovementAndNamesTheWrongAnswers() {
        List<AnsweredQuestion> questions = new ArrayList<>();
        // design: 4 of 5 right (80 %, strong); secure: 2 of 5 right (40 %, needs improvement)
        for (int i = 1; i <= 5; i++) {
            questions.add(new AnsweredQuestion(i, "design", Set.of("a"), i == 3 ? Set.of("b") : Set.of("a")));
        }
        for (int i = 6; i <= 10; i++) {
            questions.add(new AnsweredQuestion(i, "secure", Set.of("a", "b"), i <= 7 ? Set.of("a", "b") : Set.of("a")));
        }
        List<SkillArea> areas = List.of(new SkillArea("design", "Design", 50), new SkillArea("secure", "Secure", 50));

        Scoring.Score score = Scoring.score(questions, areas, 60);

        assertEquals(new BigDecimal("60.0"), score.percentage());
        assertEquals(true, score.passed());
        assertEquals(List.of(new Scoring.AreaScore("design", "Design", 4, 5, new BigDecimal("80.0"), Rating.STRONG),
                new Scoring.AreaScore("secure", "Secure", 2, 5, new BigDecimal("40.0"), Rating.NEEDS_IMPROVEMENT)), score.skillAreas());
        assertEquals(List.of(new Scoring.WrongAnswer(3, "design"), new Scoring.WrongAnswer(8, "secure"),
                new Scoring.WrongAnswer(9, "secure"), new Scoring.WrongAnswer(10, "secure")), score.wrongAnswers());
    }

    @Test
    void anUnansweredAttemptFailsWithEveryQuestionWrong() {
        List<AnsweredQuestion> questions = List.of(new AnsweredQuestion(1, "a", Set.of("x"), Set.of()),
                new AnsweredQuestion(2, "a", Set.of("y"), Set.of()));
        Scoring.Score score = Scoring.score(questions, List.of(new SkillArea("a", "A", 100)), 60);
        assertEquals(false, score.passed());
        assertEquals(2, score.wrongAnswers().size());
        assertEquals(Rating.NEEDS_IMPROVEMENT, score.skillAreas().get(0).rating());
    }
}
