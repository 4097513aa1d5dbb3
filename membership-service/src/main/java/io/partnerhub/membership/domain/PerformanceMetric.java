package io.partnerhub.membership.domain;

/** M4 the performance figures other systems report per organisation and period. */
public enum PerformanceMetric {
    REVENUE, ACTIVE_USAGE, DEPLOYED_SEATS, NEW_CUSTOMERS
}
