package io.partnerhub.chassis.problem;

/** 404 {@code /not-found}: also the answer when the caller may not see the resource. */
public class ResourceNotFound extends DomainException {

    public ResourceNotFound(String kind, String id) {
        super(404, "not-found", "Resource not found", "No " + kind + " with id " + id);
        with("resource", kind);
        with("id", id);
    }
}
