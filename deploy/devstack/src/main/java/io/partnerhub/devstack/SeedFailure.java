package io.partnerhub.devstack;

/** One entry of a seed file could not be applied; the seed goes on with the next. */
final class SeedFailure extends RuntimeException {

    SeedFailure(String message) {
        super(message);
    }

    /** An answer's body on one line, cut at 300 characters, for a message. */
    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
