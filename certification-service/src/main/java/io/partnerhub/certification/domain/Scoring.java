package io.partnerhub.certification.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * Scoring an attempt (C3, C6). A question counts as correct only when the chosen options are exactly its correct
 * options: a partial answer to a multiple-choice question is wrong, and so is an unanswered one. The attempt passes when
 * correct × 100 ≥ passMark × total (exact, so 59.9 % fails a 60 % pass mark); percentages are shown to one decimal,
 * rounded down, so a shown percentage never reaches the pass mark of an attempt that failed. A skill area is STRONG when
 * its own share correct reaches the pass mark, else NEEDS_IMPROVEMENT.
 */
public final class Scoring {

    private Scoring() {
    }

    /** One question of an attempt as scored: its skill area, its correct options and the candidate's answer. */
    public record AnsweredQuestion(int number, String skillArea, Set<String> correctOptions, Set<String> answer) {

        public boolean correct() {
            return !answer.isEmpty() && answer.equals(correctOptions);
        }
    }

    public enum Rating {
        STRONG, NEEDS_IMPROVEMENT
    }

    public record AreaScore(String skillArea, String name, int correct, int total, BigDecimal percentage, Rating rating) {
    }

    public record WrongAnswer(int number, String skillArea) {
    }

    public record Score(BigDecimal percentage, int passMarkPercent, boolean passed, List<AreaScore> skillAreas,
            List<WrongAnswer> wrongAnswers) {
    }

    public static boolean reaches(int correct, int total, int passMarkPercent) {
        return total > 0 && (long) correct * 100 >= (long) passMarkPercent * total;
    }

    /** {@code correct / total} in percent, one decimal, rounded down (0 for no questions). */
    public static BigDecimal percentage(int correct, int total) {
        if (total == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(correct * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.DOWN);
    }

    /** Scores the questions by the skill areas of the blueprint the attempt was drawn by (in its order). */
    public static Score score(List<AnsweredQuestion> questions, List<SkillArea> skillAreas, int passMarkPercent) {
        int correct = (int) questions.stream().filter(AnsweredQuestion::correct).count();
        List<AreaScore> areas = skillAreas.stream().map(area -> {
            List<AnsweredQuestion> inArea = questions.stream().filter(q -> q.skillArea().equals(area.id())).toList();
            int areaCorrect = (int) inArea.stream().filter(AnsweredQuestion::correct).count();
            Rating rating = reaches(areaCorrect, inArea.size(), passMarkPercent) ? Rating.STRONG : Rating.NEEDS_IMPROVEMENT;
            return new AreaScore(area.id(), area.name(), areaCorrect, inArea.size(), percentage(areaCorrect, inArea.size()), rating);
        }).filter(area -> area.total() > 0).toList();
        List<WrongAnswer> wrong = questions.stream().filter(q -> !q.correct())
                .map(q -> new WrongAnswer(q.number(), q.skillArea())).toList();
        return new Score(percentage(correct, questions.size()), passMarkPercent,
                reaches(correct, questions.size(), passMarkPercent), areas, wrong);
    }
}
