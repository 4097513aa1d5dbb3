package io.partnerhub.competency.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** K2: one requirement of a path; all of a path's requirements must hold. */
public sealed interface Requirement {

    /** Human-readable, e.g. "2 individuals holding one of azure-admin, assessment:caf". */
    String description();

    /** Whether this requirement mentions the credential (a certification id or {@code assessment:<id>}). */
    boolean mentions(String credential);

    /** N distinct individuals of the organisation, each holding an active one of {@code anyOf}. */
    record Skill(int individuals, List<String> anyOf) implements Requirement {
        public Skill {
            if (individuals <= 0) {
                throw new IllegalArgumentException("individuals must be 1 or more");
            }
            anyOf = List.copyOf(Objects.requireNonNull(anyOf, "anyOf"));
            if (anyOf.isEmpty()) {
                throw new IllegalArgumentException("anyOf must list at least one certification or assessment");
            }
        }

        public Set<String> credentials() {
            return Set.copyOf(anyOf);
        }

        @Override
        public String description() {
            return individuals + (individuals == 1 ? " individual" : " individuals") + " holding one of "
                    + String.join(", ", anyOf);
        }

        @Override
        public boolean mentions(String credential) {
            return anyOf.contains(credential);
        }
    }

    /** A metric over the trailing 12 months (a flow summed, a stock's latest figure; K2b) at least {@code threshold}. */
    record Performance(Metric metric, BigDecimal threshold) implements Requirement {
        public Performance {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(threshold, "threshold");
            if (threshold.signum() < 0) {
                throw new IllegalArgumentException("threshold must not be negative");
            }
        }

        @Override
        public String description() {
            return metric + " of at least " + threshold.stripTrailingZeros().toPlainString()
                    + (metric.kind() == Metric.Kind.STOCK ? " (latest figure of the trailing 12 months)" : " over the trailing 12 months");
        }

        @Override
        public boolean mentions(String credential) {
            return false;
        }
    }
}
