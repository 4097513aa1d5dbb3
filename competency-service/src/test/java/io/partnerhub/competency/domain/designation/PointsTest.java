package io.partnerhub.competency.domain.designation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** P2: points per metric, linear up to the threshold, rounded down to a tenth. */
class PointsTest {

    @ParameterizedTest(name = "{0} of threshold {1} at max {2} gives {3}")
    @CsvSource({
            "0, 3, 15, 0.0",
            "2.99, 3, 15, 14.9",
            "3, 3, 15, 15.0",
            "7, 3, 15, 15.0",
            "2, 3, 15, 10.0",
            "1, 3, 20, 6.6",
            "2, 3, 20, 13.3",
            "0.01, 20, 30, 0.0",
            "-5, 20, 30, 0.0",
            "19.9, 20, 30, 29.8"})
    void givesLinearPointsRoundedDownToATenthAndTheMaxAtTheThreshold(String have, String threshold, int max,
            String points) {
        assertEquals(new BigDecimal(points), Points.earned(new BigDecimal(have), new BigDecimal(threshold), max).value());
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({"6.6, 13.3, 19.9", "0.1, 0.2, 0.3", "15.0, 85.0, 100.0"})
    void addsTenthsExactly(String a, String b, String sum) {
        Points left = new Points(new BigDecimal(a).movePointRight(1).intValueExact());
        Points right = new Points(new BigDecimal(b).movePointRight(1).intValueExact());
        assertEquals(sum, left.plus(right).toString());
    }
}
