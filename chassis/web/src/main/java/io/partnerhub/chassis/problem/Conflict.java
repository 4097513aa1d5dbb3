package io.partnerhub.chassis.problem;

/** 409: the request is well formed but the current state forbids it, e.g. {@code /retake-not-allowed}. */
public class Conflict extends DomainException {

    public Conflict(String typeSlug, String title, String detail) {
        super(409, typeSlug, title, detail);
    }
}
