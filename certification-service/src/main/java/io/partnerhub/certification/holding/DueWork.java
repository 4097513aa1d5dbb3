package io.partnerhub.certification.holding;

/**
 * Work that falls due with the clock, done by the sweep ({@link ExpirySweep}) besides expiring holdings: any bean
 * implementing it is drained every sweep-interval (issue 21: attempts past their deadline).
 */
public interface DueWork {

    /** What a batch did, for the log ("attempts past their deadline scored"). */
    String done();

    /** Handles up to {@code batchSize} due items in one transaction of its own; returns how many. */
    int handleDue(int batchSize);
}
