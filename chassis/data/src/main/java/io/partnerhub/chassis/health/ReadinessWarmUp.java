package io.partnerhub.chassis.health;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * Runs the readiness checks once on a background thread as soon as the application starts, while the main thread
 * finishes start-up (the remaining start-up observers, opening the HTTP socket). The first readiness call is the
 * expensive one: the Kafka check creates its admin client and connects, every check's classes load for the first
 * time; measured ~0.25 s on the 2-core machine, all of it on the path of the first {@code /q/health/ready} and so of
 * "ready". Done in parallel, the orchestrator's first probe finds the answer cheap. Nothing depends on the outcome:
 * a failure here (broker not there yet) is logged at debug level and the probes report it as always.
 * {@code partnerhub.health.warm-up=false} turns it off.
 */
@ApplicationScoped
class ReadinessWarmUp {

    private final SmallRyeHealthReporter reporter;
    private final boolean enabled;

    ReadinessWarmUp(SmallRyeHealthReporter reporter,
            @ConfigProperty(name = "partnerhub.health.warm-up", defaultValue = "true") boolean enabled) {
        this.reporter = reporter;
        this.enabled = enabled;
    }

    /** Early among the start-up observers, so that the warm-up overlaps as much of the rest as possible. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!enabled) {
            return;
        }
        Thread warmUp = new Thread(this::warmUp, "readiness-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private void warmUp() {
        try {
            Log.debugf("Readiness warm-up: %s", reporter.getReadiness().getPayload().getString("status"));
        } catch (RuntimeException e) {
            Log.debugf("Readiness warm-up failed (the probes will say why): %s", e.toString());
        }
    }
}
