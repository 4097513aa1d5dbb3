package io.partnerhub.competency.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerhub.competency")
public interface CompetencyConfig {

    /** List endpoints cap the page size at this. */
    @WithDefault("100")
    int maxPageSize();
}
