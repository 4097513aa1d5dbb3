package io.partnerhub.competency.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.partnerhub.competency.domain.OrganizationFacts.Figure;

/**
 * K2b: the definition of each metric beyond its {@link Metric.Kind}: the reporting source whose figures count for it.
 * A metric whose definition names a source counts only that source's figures; one that names none counts every
 * source's (overlaps are settled by {@link Figures}). Configured as
 * {@code partnerhub.competency.counting-source.<METRIC>=<source>}.
 */
public record MetricCatalogue(Map<Metric, String> countingSources) {

    /** No metric names a source: every reporting source counts. */
    public static final MetricCatalogue ANY_SOURCE = new MetricCatalogue(Map.of());

    public MetricCatalogue {
        countingSources = countingSources.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(countingSources));
    }

    /** From configuration: metric name → source; an unknown metric name is an error (a typo would count everything). */
    public static MetricCatalogue of(Map<String, String> byName) {
        Map<Metric, String> sources = new EnumMap<>(Metric.class);
        byName.forEach((name, source) -> sources.put(Metric.parse(name)
                .orElseThrow(() -> new IllegalArgumentException("counting-source for unknown metric " + name)), source));
        return new MetricCatalogue(sources);
    }

    public Optional<String> countingSource(Metric metric) {
        return Optional.ofNullable(countingSources.get(metric));
    }

    /** Whether the figure's source counts for its metric. */
    public boolean counts(Figure figure) {
        String source = countingSources.get(figure.metric());
        return source == null || source.equals(figure.source());
    }
}
