package io.partnerhub.competency.domain;

import java.util.Arrays;
import java.util.Optional;

/** M4 performance metrics reported by membership-service (performance.reported.v1). */
public enum Metric {
    REVENUE, ACTIVE_USAGE, DEPLOYED_SEATS, NEW_CUSTOMERS;

    public static Optional<Metric> parse(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }
}
