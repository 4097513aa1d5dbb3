package io.partnerhub.competency.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * K1/K2: one requirement version of a competency, effective from a date (UTC). Each level is one or more paths; a
 * path is a list of requirements that must all hold. Its performance requirements read their metrics as the
 * {@code metricCatalogue} defines them (K2b: the source that counts).
 */
public record RequirementVersion(String version, LocalDate effectiveFrom, List<List<Requirement>> silver,
        List<List<Requirement>> gold, MetricCatalogue metricCatalogue) {

    public RequirementVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        silver = copy(silver, "silver");
        gold = copy(gold, "gold");
        Objects.requireNonNull(metricCatalogue, "metricCatalogue");
    }

    /** A version whose metrics count every reporting source ({@link MetricCatalogue#ANY_SOURCE}). */
    public RequirementVersion(String version, LocalDate effectiveFrom, List<List<Requirement>> silver,
            List<List<Requirement>> gold) {
        this(version, effectiveFrom, silver, gold, MetricCatalogue.ANY_SOURCE);
    }

    /** This version reading its metrics as {@code catalogue} defines them. */
    public RequirementVersion with(MetricCatalogue catalogue) {
        return new RequirementVersion(version, effectiveFrom, silver, gold, catalogue);
    }

    private static List<List<Requirement>> copy(List<List<Requirement>> paths, String level) {
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException(level + " needs at least one path");
        }
        for (List<Requirement> path : paths) {
            if (path == null || path.isEmpty()) {
                throw new IllegalArgumentException(level + " has a path without requirements");
            }
        }
        return paths.stream().map(List::copyOf).toList();
    }

    public List<List<Requirement>> paths(Level level) {
        return switch (level) {
            case SILVER -> silver;
            case GOLD -> gold;
            case NONE -> List.of();
        };
    }

    /**
     * Per skill set (the credentials a skill requirement lists) how many longest-lasting holders the rules need: the
     * largest number of individuals a requirement on it asks, at least {@link Facts#COUNTED_CAP}.
     */
    public java.util.Map<java.util.Set<String>, Integer> sampleSizes() {
        java.util.Map<java.util.Set<String>, Integer> sizes = new java.util.HashMap<>();
        java.util.stream.Stream.of(silver, gold).flatMap(List::stream).flatMap(List::stream)
                .filter(r -> r instanceof Requirement.Skill).map(r -> (Requirement.Skill) r)
                .forEach(s -> sizes.merge(s.credentials(), Facts.sampleSize(s.individuals()), Math::max));
        return sizes;
    }

    /** Whether a change of this credential (certification id or {@code assessment:<id>}) can matter here. */
    public boolean mentions(String credential) {
        return mentions(silver, credential) || mentions(gold, credential);
    }

    /** The metrics its performance requirements ask for. */
    public java.util.Set<Metric> metrics() {
        java.util.Set<Metric> metrics = java.util.EnumSet.noneOf(Metric.class);
        java.util.stream.Stream.of(silver, gold).flatMap(List::stream).flatMap(List::stream)
                .filter(r -> r instanceof Requirement.Performance).forEach(r -> metrics.add(((Requirement.Performance) r).metric()));
        return metrics;
    }

    public boolean mentions(Metric metric) {
        return java.util.stream.Stream.of(silver, gold).flatMap(List::stream).flatMap(List::stream)
                .anyMatch(r -> r instanceof Requirement.Performance p && p.metric() == metric);
    }

    private static boolean mentions(List<List<Requirement>> paths, String credential) {
        return paths.stream().flatMap(List::stream).anyMatch(r -> r.mentions(credential));
    }

    /** K1: the version in effect on {@code day}: the one with the latest effectiveFrom not after it. */
    public static Optional<RequirementVersion> inEffect(Collection<RequirementVersion> versions, LocalDate day) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(RequirementVersion::effectiveFrom));
    }

    /** K1: the roadmap: versions effective after {@code day}, soonest first. */
    public static List<RequirementVersion> upcoming(Collection<RequirementVersion> versions, LocalDate day) {
        return versions.stream().filter(v -> v.effectiveFrom().isAfter(day))
                .sorted(Comparator.comparing(RequirementVersion::effectiveFrom)).toList();
    }
}
