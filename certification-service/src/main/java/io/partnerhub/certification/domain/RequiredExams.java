package io.partnerhub.certification.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * C1 required exams as groups: every group must be met, and any one exam of a group meets it
 * ("AZ-305 and one of AZ-104/AZ-204" is {@code [["AZ-305"], ["AZ-104", "AZ-204"]]}).
 */
public record RequiredExams(List<List<String>> groups) {

    private static final Pattern EXAM_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    public RequiredExams {
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("requiredExams must name at least one group of exams");
        }
        List<List<String>> normalized = new ArrayList<>();
        for (List<String> group : groups) {
            if (group == null || group.isEmpty()) {
                throw new IllegalArgumentException("every group of requiredExams must name at least one exam");
            }
            Set<String> codes = new LinkedHashSet<>();
            for (String code : group) {
                String normalizedCode = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
                if (!EXAM_CODE.matcher(normalizedCode).matches()) {
                    throw new IllegalArgumentException("'" + code + "' is not an exam code like AZ-104");
                }
                codes.add(normalizedCode);
            }
            normalized.add(List.copyOf(codes));
        }
        groups = List.copyOf(normalized);
    }

    /** True when every group has at least one exam among {@code passedExamCodes}. */
    public boolean isMetBy(Set<String> passedExamCodes) {
        return groups.stream().allMatch(group -> group.stream().anyMatch(passedExamCodes::contains));
    }

    /** The exams of {@code passedExamCodes} that count, one per group (the first passed one in group order). */
    public List<String> countedExams(Set<String> passedExamCodes) {
        return groups.stream()
                .map(group -> group.stream().filter(passedExamCodes::contains).findFirst().orElse(null))
                .filter(code -> code != null)
                .toList();
    }
}
