package io.partnerhub.competency.domain;

/** K3 level of a competency; ordered: NONE below SILVER below GOLD. */
public enum Level {
    NONE, SILVER, GOLD;

    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }
}
