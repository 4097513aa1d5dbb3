package io.partnerhub.certification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerhub.certification")
public interface CertificationConfig {

    /** List endpoints cap the page size at this. */
    @WithDefault("100")
    int maxPageSize();
}
