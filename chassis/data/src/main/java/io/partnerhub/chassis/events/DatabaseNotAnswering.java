package io.partnerhub.chassis.events;

/** A failure met while the database did not answer {@link DatabaseProbe}: waited out like a transient one. */
final class DatabaseNotAnswering extends RuntimeException {

    DatabaseNotAnswering(String probe, Throwable failure) {
        super("database not answering (" + probe + ")", failure, false, false);
    }
}
