package io.partnerhub.certification.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An assessment blueprint (C3, C6): how many questions an attempt draws, the share of each skill area (percent, summing
 * to 100), the time limit and the pass mark. The draw per skill area is its share of the questions, rounded by largest
 * remainder (ties to the earlier skill area), so the draws always add up to {@code questionCount}.
 */
public record Blueprint(int questionCount, int timeLimitMinutes, int passMarkPercent, List<SkillArea> skillAreas) {

    public static final int DEFAULT_QUESTION_COUNT = 25;
    public static final int DEFAULT_TIME_LIMIT_MINUTES = 45;
    public static final int DEFAULT_PASS_MARK_PERCENT = 60;
    /** A bank must hold this many active questions per question drawn from a skill area (so it cannot be harvested). */
    public static final int BANK_FACTOR = 3;
    public static final int MAX_QUESTIONS = 200;
    public static final int MAX_TIME_LIMIT_MINUTES = 600;
    public static final int MAX_SKILL_AREAS = 30;

    /** What is wrong with this blueprint as a whole (empty: acceptable); field checks are Bean Validation's. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (questionCount < 1 || questionCount > MAX_QUESTIONS) {
            problems.add("questionCount must be 1 to " + MAX_QUESTIONS);
        }
        if (timeLimitMinutes < 1 || timeLimitMinutes > MAX_TIME_LIMIT_MINUTES) {
            problems.add("timeLimitMinutes must be 1 to " + MAX_TIME_LIMIT_MINUTES);
        }
        if (passMarkPercent < 1 || passMarkPercent > 100) {
            problems.add("passMarkPercent must be 1 to 100");
        }
        if (skillAreas.isEmpty() || skillAreas.size() > MAX_SKILL_AREAS) {
            problems.add("skillAreas must name 1 to " + MAX_SKILL_AREAS + " skill areas");
        }
        Set<String> ids = new HashSet<>();
        for (SkillArea area : skillAreas) {
            if (!ids.add(area.id())) {
                problems.add("skill area " + area.id() + " is named twice");
            }
            if (area.share() < 1) {
                problems.add("skill area " + area.id() + " needs a share of at least 1");
            }
        }
        int total = skillAreas.stream().mapToInt(SkillArea::share).sum();
        if (total != 100) {
            problems.add("the shares of the skill areas sum to " + total + ", not 100");
        }
        return problems;
    }

    /** Questions drawn per skill area, in the blueprint's order; they add up to {@code questionCount}. */
    public Map<String, Integer> draws() {
        Map<String, Integer> draws = new LinkedHashMap<>();
        int total = skillAreas.stream().mapToInt(SkillArea::share).sum();
        if (total <= 0) {
            return draws;
        }
        int assigned = 0;
        List<long[]> remainders = new ArrayList<>(); // {index, remainder}
        for (int i = 0; i < skillAreas.size(); i++) {
            long exact = (long) questionCount * skillAreas.get(i).share();
            int whole = (int) (exact / total);
            draws.put(skillAreas.get(i).id(), whole);
            assigned += whole;
            remainders.add(new long[] { i, exact % total });
        }
        remainders.sort(Comparator.<long[]>comparingLong(r -> -r[1]).thenComparingLong(r -> r[0]));
        for (int k = 0; k < questionCount - assigned; k++) {
            draws.merge(skillAreas.get((int) remainders.get(k % remainders.size())[0]).id(), 1, Integer::sum);
        }
        return draws;
    }

    /** Skill areas whose active questions are fewer than {@value #BANK_FACTOR} × their draw (empty: the bank suffices). */
    public List<BankShortage> shortages(Map<String, Long> activeQuestionsBySkillArea) {
        return draws().entrySet().stream()
                .map(draw -> new BankShortage(draw.getKey(), activeQuestionsBySkillArea.getOrDefault(draw.getKey(), 0L),
                        (long) BANK_FACTOR * draw.getValue()))
                .filter(shortage -> shortage.have() < shortage.need())
                .toList();
    }

    /** A skill area whose bank is too small for the blueprint: it has {@code have} active questions and needs {@code need}. */
    public record BankShortage(String skillArea, long have, long need) {
    }
}
