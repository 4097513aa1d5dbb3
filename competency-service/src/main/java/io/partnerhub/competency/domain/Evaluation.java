package io.partnerhub.competency.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * K2 as a pure function: which level an organisation's facts meet under a requirement version, which path, and per
 * requirement have/need and who counts. Distinct individuals: a person holding two listed credentials counts once.
 * Performance: the metric's figure over the trailing 12 months (today − 12 months, today] as {@link Figures} says (a
 * flow summed without counting a day twice, a stock's latest figure, only the counting source's).
 * {@code have} is exact; {@code counted} names at most {@link Facts#sampleSize} people (the longest-lasting holders, by
 * candidate id), enough for any requirement on the same credentials.
 */
public record Evaluation(Level level, LevelResult silver, LevelResult gold) {

    /** Progress of one requirement. {@code counted}: the candidates who count (skill, capped), empty for performance. */
    public record Progress(Level level, int path, String description, BigDecimal have, BigDecimal need,
            List<String> counted, boolean met, Requirement requirement) {
    }

    public record PathResult(int path, boolean met, List<Progress> requirements) {
        long unmet() {
            return requirements.stream().filter(p -> !p.met()).count();
        }
    }

    /** {@code pathMet} is 1-based, null when no path holds. */
    public record LevelResult(Level level, boolean met, Integer pathMet, List<PathResult> paths) {

        /** The path that holds, else the one closest to holding (fewest unmet requirements, then the first). */
        public PathResult bestPath() {
            return paths.stream().filter(PathResult::met).findFirst()
                    .orElseGet(() -> paths.stream().min(Comparator.comparingLong(PathResult::unmet)).orElseThrow());
        }
    }

    public LevelResult result(Level level) {
        return switch (level) {
            case SILVER -> silver;
            case GOLD -> gold;
            case NONE -> throw new IllegalArgumentException("NONE has no requirements");
        };
    }

    /** Every requirement of every path of both levels. */
    public List<Progress> progress() {
        List<Progress> all = new ArrayList<>();
        for (LevelResult result : List.of(silver, gold)) {
            result.paths().forEach(p -> all.addAll(p.requirements()));
        }
        return all;
    }

    /** Evaluates at {@code at}: credentials active at {@code at}, figures in the 12 months up to {@code at}. */
    public static Evaluation of(RequirementVersion version, Facts facts, Instant at) {
        return of(version, facts, at, at);
    }

    /**
     * Evaluates with credentials as they will be at {@code credentialsAt} (expiries taken into account) and performance
     * figures as known at {@code at} (the look-ahead of K4: will the level still hold at valid-until?).
     */
    public static Evaluation of(RequirementVersion version, Facts facts, Instant at, Instant credentialsAt) {
        Map<Set<String>, Holders> holders = new HashMap<>();
        java.util.function.Function<Set<String>, Holders> lookup = set -> holders.computeIfAbsent(set, facts::holders);
        Map<Metric, BigDecimal> sums = Figures.have(facts.figures(), LocalDate.ofInstant(at, ZoneOffset.UTC), version.metricCatalogue());
        Context context = new Context(lookup, sums, credentialsAt, version.sampleSizes());
        LevelResult silver = level(Level.SILVER, version.silver(), context);
        LevelResult gold = level(Level.GOLD, version.gold(), context);
        Level level = gold.met() ? Level.GOLD : silver.met() ? Level.SILVER : Level.NONE;
        return new Evaluation(level, silver, gold);
    }

    private record Context(java.util.function.Function<Set<String>, Holders> holders, Map<Metric, BigDecimal> sums,
            Instant credentialsAt, Map<Set<String>, Integer> sampleSizes) {
    }

    private static LevelResult level(Level level, List<List<Requirement>> paths, Context context) {
        List<PathResult> results = new ArrayList<>();
        Integer pathMet = null;
        for (int i = 0; i < paths.size(); i++) {
            List<Progress> progress = new ArrayList<>();
            for (Requirement requirement : paths.get(i)) {
                progress.add(progress(level, i + 1, requirement, context));
            }
            boolean met = progress.stream().allMatch(Progress::met);
            results.add(new PathResult(i + 1, met, List.copyOf(progress)));
            if (met && pathMet == null) {
                pathMet = i + 1;
            }
        }
        return new LevelResult(level, pathMet != null, pathMet, List.copyOf(results));
    }

    private static Progress progress(Level level, int path, Requirement requirement, Context context) {
        if (requirement instanceof Requirement.Skill skill) {
            Holders holders = context.holders().apply(skill.credentials());
            long have = holders.activeAt(context.credentialsAt());
            int cap = context.sampleSizes().getOrDefault(skill.credentials(), Facts.sampleSize(skill.individuals()));
            List<String> counted = holders.counted(context.credentialsAt(), cap).stream().map(Holders.Holder::candidateId)
                    .sorted().toList();
            return new Progress(level, path, skill.description(), BigDecimal.valueOf(have),
                    BigDecimal.valueOf(skill.individuals()), counted, have >= skill.individuals(), skill);
        }
        Map<Metric, BigDecimal> sums = context.sums();
        Requirement.Performance performance = (Requirement.Performance) requirement;
        BigDecimal have = sums.getOrDefault(performance.metric(), BigDecimal.ZERO);
        return new Progress(level, path, performance.description(), have, performance.threshold(), List.of(),
                have.compareTo(performance.threshold()) >= 0, performance);
    }
}
