package io.partnerhub.chassis.events;

/**
 * How one relay pass ended: rows selected, rows marked sent, the retriable failure that stopped it (null: all sent),
 * and whether another pass should follow at once (a row was marked failed, so later rows may be sendable now).
 */
record OutboxPass(int selected, int marked, Throwable failure, boolean again) {

    static final OutboxPass NOTHING = new OutboxPass(0, 0, null, false);

    /** Another instance's pass held the lock: rows committed here meanwhile may not have been in its batch. */
    static final OutboxPass BUSY = new OutboxPass(0, 0, null, false);
}
