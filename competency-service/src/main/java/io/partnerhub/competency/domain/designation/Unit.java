package io.partnerhub.competency.domain.designation;

/**
 * P1: the unit a metric is counted in, and how finely an amount in it is asked for: people, customers and seats in
 * whole numbers, percent to a tenth.
 */
public enum Unit {
    PEOPLE(0), CUSTOMERS(0), SEATS(0), PERCENT(1);

    private final int scale;

    Unit(int scale) {
        this.scale = scale;
    }

    /** Decimal places of an amount in this unit (0: whole numbers). */
    public int scale() {
        return scale;
    }
}
