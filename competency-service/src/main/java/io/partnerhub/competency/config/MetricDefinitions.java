package io.partnerhub.competency.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.partnerhub.competency.domain.MetricCatalogue;

/** K2b: the metric catalogue the rules read, from {@code partnerhub.competency.counting-source.*}; a record, so not proxied. */
public class MetricDefinitions {

    @Produces
    @Singleton
    MetricCatalogue metricCatalogue(CompetencyConfig config) {
        return MetricCatalogue.of(config.countingSource());
    }
}
