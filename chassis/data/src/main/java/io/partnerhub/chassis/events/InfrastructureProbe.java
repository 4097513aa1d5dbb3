package io.partnerhub.chassis.events;

import java.util.Optional;

/**
 * Does a piece of infrastructure this service needs answer right now? Asked when a failure cannot tell what it is
 * ({@link FailureClassifier#toWaitOut}): while one does not, the failure is waited out and the attempt does not count,
 * whatever the error said. {@link DatabaseProbe} and {@link BrokerProbe}.
 */
interface InfrastructureProbe {

    /** What is asked, for log lines and readiness: "database", "broker". */
    String infrastructure();

    /** Empty when it answered in time, else why not. */
    Optional<String> notAnswering();
}
