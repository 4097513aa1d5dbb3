package io.partnerhub.competency.config;

import java.time.Duration;
import java.util.Map;

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

    /**
     * Issue 25 stage 8: how often {@code DesignationWorker} evaluates the organisations still marked (a crash, a database
     * down); it also does at start-up, and evaluates each marked organisation at once after the marking commit.
     */
    @WithDefault("10s")
    Duration designationWorkerSweep();

    /**
     * Issue 25: how long {@code DesignationWorker} lets marks gather after a commit woke it before it evaluates: the
     * status's readers (the live stream, the GET that follows it) get the 2 cores first, and several events of one
     * organisation within this time are evaluated once. 0: at once.
     */
    @WithDefault("50ms")
    Duration designationWorkerDelay();

    /**
     * K2b: per metric (its name), the reporting source whose figures count; a metric not named counts every source's.
     * E.g. {@code partnerhub.competency.counting-source.DEPLOYED_SEATS=partner-center}.
     */
    Map<String, String> countingSource();

    /** K5c: how many live streams ({@code /competency-status/{org}/changes}) one instance keeps open. */
    Streams streams();

    /** {@code partnerhub.competency.streams.*}: counted per instance (each replica allows as many). */
    interface Streams {

        /** Open streams per token subject; one more is 429 {@code too-many-streams}. */
        @WithDefault("3")
        int maxPerSubject();

        /** Open streams per organisation, whoever opened them; one more is 429 {@code too-many-streams}. */
        @WithDefault("25")
        int maxPerOrganization();

        /** The {@code Retry-After} of a refused stream. */
        @WithDefault("15s")
        Duration retryAfter();
    }
}
