package io.partnerhub.chassis.events;

/**
 * A failure met while a piece of infrastructure did not answer its {@link InfrastructureProbe} (the database, the
 * broker): waited out like a transient one, the attempt uncounted.
 */
final class InfrastructureNotAnswering extends RuntimeException {

    InfrastructureNotAnswering(InfrastructureProbe probe, String why, Throwable failure) {
        super(probe.infrastructure() + " not answering (" + why + ")", failure, false, false);
    }
}
