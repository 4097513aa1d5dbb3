package io.partnerhub.competency.domain.designation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * P1: one requirement set of a solution area, effective from a date (UTC): its metrics, whose max points add up to
 * 100, and its tracks (none, or tried in order, the first whose rule holds applies; none applying: the metrics' own
 * thresholds).
 */
public record ScoreVersion(String version, LocalDate effectiveFrom, List<ScoreMetric> metrics, List<Track> tracks) {

    public static final int MAX_SCORE = 100;

    public ScoreVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        metrics = List.copyOf(metrics);
        tracks = List.copyOf(tracks);
        int total = metrics.stream().mapToInt(ScoreMetric::maxPoints).sum();
        if (total != MAX_SCORE) {
            throw new IllegalArgumentException("the metrics' max points add up to " + total + ", not " + MAX_SCORE);
        }
        Set<String> ids = new HashSet<>();
        for (ScoreMetric metric : metrics) {
            if (!ids.add(metric.id())) {
                throw new IllegalArgumentException("metric " + metric.id() + " is listed twice");
            }
        }
        for (Track track : tracks) {
            if (!ids.containsAll(track.thresholds().keySet())) {
                throw new IllegalArgumentException("track " + track.name() + " sets a threshold of an unknown metric");
            }
            metrics.forEach(track::apply);
        }
    }

    /** P7: the track that applies on {@code day}, if the version has tracks and one applies. */
    public Optional<Track> track(DatedFacts facts, LocalDate day) {
        return tracks.stream().filter(t -> t.applies(facts, day)).findFirst();
    }

    /** The metrics with the thresholds that apply on {@code day}. */
    public List<ScoreMetric> metrics(DatedFacts facts, LocalDate day) {
        return track(facts, day).map(t -> metrics.stream().map(t::apply).toList()).orElse(metrics);
    }

    /** P1: the version in effect on {@code day}: the one with the latest effectiveFrom not after it. */
    public static Optional<ScoreVersion> inEffect(Collection<ScoreVersion> versions, LocalDate day) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(ScoreVersion::effectiveFrom));
    }
}
