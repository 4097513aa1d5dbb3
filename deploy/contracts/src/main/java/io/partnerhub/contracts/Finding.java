package io.partnerhub.contracts;

/** One thing wrong with a published document: which document, where in it (a JSON path), and why. */
public record Finding(String document, String path, String reason) {

    @Override
    public String toString() {
        return document + " at " + path + ": " + reason;
    }
}
