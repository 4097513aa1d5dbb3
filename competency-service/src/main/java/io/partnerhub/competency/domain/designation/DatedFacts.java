package io.partnerhub.competency.domain.designation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * P4: an organisation's figures as effective-dated facts, so that any day can be evaluated after the fact from the
 * figures as they stood that day: a fact effective after the day does not exist yet for it.
 */
public record DatedFacts(List<Fact> facts) {

    /** A figure (e.g. {@code new-customers}, {@code intermediate-certified}) with its value, effective on a date. */
    public record Fact(String figure, BigDecimal value, LocalDate effective) {
        public Fact {
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(effective, "effective");
        }
    }

    public DatedFacts {
        facts = List.copyOf(facts);
    }

    /** The sum of the figure's facts effective in (after, until]. */
    public BigDecimal sum(String figure, LocalDate after, LocalDate until) {
        return facts.stream().filter(f -> f.figure().equals(figure))
                .filter(f -> f.effective().isAfter(after) && !f.effective().isAfter(until))
                .map(Fact::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The value of the figure's latest fact effective on or before {@code day} (of two on one date, the one listed
     * last: a correction); 0 when there is none.
     */
    public BigDecimal inForce(String figure, LocalDate day) {
        return facts.stream().filter(f -> f.figure().equals(figure)).filter(f -> !f.effective().isAfter(day))
                .reduce((a, b) -> b.effective().isBefore(a.effective()) ? a : b).map(Fact::value).orElse(BigDecimal.ZERO);
    }
}
