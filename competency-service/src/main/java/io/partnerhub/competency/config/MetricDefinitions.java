package io.partnerhub.competency.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.partnerhub.competency.domain.MetricCatalogue;

/** K2b: the metric catalogue the rules read, from {@code partnerhub.competency.counting-source.*}. */
public class MetricDefinitions {

    @Produces
    @ApplicationScoped
    MetricCatalogue metricCatalogue(CompetencyConfig config) {
        return MetricCatalogue.of(config.countingSource());
    }
}
