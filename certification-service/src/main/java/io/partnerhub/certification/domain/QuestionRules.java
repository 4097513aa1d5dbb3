package io.partnerhub.certification.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a bank question must be (C3, C6): 2 to 10 options with distinct texts; a SINGLE question has exactly one
 * correct option, a MULTIPLE one at least one. Texts are checked for presence and length by Bean Validation.
 */
public final class QuestionRules {

    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 10;

    private QuestionRules() {
    }

    /** One option as ops write it. */
    public record OptionDraft(String text, boolean correct) {
    }

    public static List<String> problems(QuestionKind kind, List<OptionDraft> options) {
        List<String> problems = new ArrayList<>();
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            problems.add("a question has " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options, not " + options.size());
        }
        long distinct = options.stream().map(o -> o.text() == null ? "" : o.text().strip()).distinct().count();
        if (distinct != options.size()) {
            problems.add("two options have the same text");
        }
        long correct = options.stream().filter(OptionDraft::correct).count();
        if (kind == QuestionKind.SINGLE && correct != 1) {
            problems.add("a SINGLE question has exactly one correct option, not " + correct);
        }
        if (kind == QuestionKind.MULTIPLE && correct < 1) {
            problems.add("a MULTIPLE question has at least one correct option");
        }
        return problems;
    }
}
