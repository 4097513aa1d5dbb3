package io.partnerhub.competency.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerhub.competency.*}. */
@ConfigMapping(prefix = "partnerhub.competency")
public interface CompetencyConfig {

    /** K4: a counted credential expiring before valid-until puts the level at risk once its expiry is this close. */
    @WithDefault("P90D")
    Duration riskHorizon();

    /** How often the time-driven sweep runs (read by the @Scheduled expression). */
    @WithDefault("60s")
    String sweepInterval();

    /** Statuses re-evaluated per transaction by the time-driven sweep (valid-until, horizon entries, new versions). */
    @WithDefault("500")
    int sweepBatchSize();

    /** Workers sharing the sweep's batches (SKIP LOCKED): a new version taking effect re-evaluates in parallel. */
    @WithDefault("2")
    int sweepThreads();
}
