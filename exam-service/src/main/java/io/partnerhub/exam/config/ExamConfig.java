package io.partnerhub.exam.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerhub.exam")
public interface ExamConfig {

    /** E6: how long after a beta exam goes live its withheld scores are released. */
    @WithDefault("P10D")
    Duration betaReleaseDelay();

    /** How often the sweeps run (beta score release, retirement taking effect). */
    @WithDefault("60s")
    Duration sweepInterval();
}
