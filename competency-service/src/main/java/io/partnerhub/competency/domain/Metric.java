package io.partnerhub.competency.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * M4 performance metrics reported by membership-service (performance.reported.v1), each with its {@link Kind} (K2b):
 * what "the figure over the trailing 12 months" means for it. Which reporting source counts is in
 * {@link MetricCatalogue}.
 */
public enum Metric {
    REVENUE(Kind.FLOW), ACTIVE_USAGE(Kind.STOCK), DEPLOYED_SEATS(Kind.STOCK), NEW_CUSTOMERS(Kind.FLOW);

    /** FLOW: an amount per period, summed over the window. STOCK: a level at a point in time, the latest figure counts. */
    public enum Kind {
        FLOW, STOCK
    }

    private final Kind kind;

    Metric(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<Metric> parse(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }
}
