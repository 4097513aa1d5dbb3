package io.partnerhub.certification.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The draw of an attempt (C3, C6): per skill area, its draw of the blueprint taken at random from the active questions
 * of that area, without repeats, then the whole set shuffled. Refused while any skill area holds fewer than
 * {@value Blueprint#BANK_FACTOR} × its draw (the same rule that refuses the blueprint), since questions may have been
 * retired since the blueprint was saved.
 */
public final class QuestionDraw {

    private QuestionDraw() {
    }

    /** The bank is too small for the blueprint. */
    public static final class BankTooSmall extends RuntimeException {

        private final transient List<Blueprint.BankShortage> shortages;

        public BankTooSmall(List<Blueprint.BankShortage> shortages) {
            super("bank too small: " + shortages);
            this.shortages = List.copyOf(shortages);
        }

        public List<Blueprint.BankShortage> shortages() {
            return shortages;
        }
    }

    /**
     * @param activeBySkillArea the active questions (current revisions only) of the bank, by skill area
     * @return the drawn questions in the order they are asked
     */
    public static <Q> List<Q> draw(Blueprint blueprint, Map<String, List<Q>> activeBySkillArea, Random random) {
        Map<String, Long> counts = new java.util.HashMap<>();
        activeBySkillArea.forEach((area, questions) -> counts.put(area, (long) questions.size()));
        List<Blueprint.BankShortage> shortages = blueprint.shortages(counts);
        if (!shortages.isEmpty()) {
            throw new BankTooSmall(shortages);
        }
        List<Q> drawn = new ArrayList<>();
        blueprint.draws().forEach((area, count) -> {
            List<Q> pool = new ArrayList<>(activeBySkillArea.getOrDefault(area, List.of()));
            Collections.shuffle(pool, random);
            drawn.addAll(pool.subList(0, count));
        });
        Collections.shuffle(drawn, random);
        return drawn;
    }
}
