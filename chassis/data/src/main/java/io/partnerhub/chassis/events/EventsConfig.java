package io.partnerhub.chassis.events;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerhub.events.*}: what this service publishes and the base of its consumer group ids. */
@ConfigMapping(prefix = "partnerhub.events")
public interface EventsConfig {

    /** The topic this service publishes to; unset: the service cannot publish. */
    Optional<String> topic();

    /** CloudEvent {@code source}. */
    @WithDefault("/${quarkus.application.name:partnerhub}")
    String source();

    /** Base of the consumer group ids: each handler consumes in group {@code <consumer-group>.<handler name>}. */
    @WithDefault("${quarkus.application.name:partnerhub}")
    String consumerGroup();
}
