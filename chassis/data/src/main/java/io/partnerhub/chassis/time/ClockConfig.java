package io.partnerhub.chassis.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerhub.clock.*}: whether {@code /admin/clock} may move this service's clock (never in production). */
@ConfigMapping(prefix = "partnerhub.clock")
public interface ClockConfig {

    /** {@code PUT /admin/clock} answers only when true (the %dev and %test profiles); otherwise 404. */
    @WithDefault("false")
    boolean adjustable();
}
