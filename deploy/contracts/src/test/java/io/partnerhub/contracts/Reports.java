package io.partnerhub.contracts;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** A failing check names every finding, one a line, under a title saying what is wrong. */
final class Reports {

    private Reports() {
    }

    static void assertNone(String title, List<?> findings) {
        if (!findings.isEmpty()) {
            fail(title + ":\n" + findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
        }
    }
}
