package io.partnerhub.certification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerhub.certification")
public interface CertificationConfig {

    /** How often the expiry sweep runs (C4). */
    @WithDefault("60s")
    String sweepInterval();

    /** Holdings expired per transaction by the sweep; it repeats batches until nothing is due. */
    @WithDefault("200")
    int sweepBatchSize();
}
