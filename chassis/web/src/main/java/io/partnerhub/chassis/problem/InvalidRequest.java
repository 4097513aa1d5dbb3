package io.partnerhub.chassis.problem;

/** 400 {@code /invalid-request}: a request that passed validation but makes no sense. */
public class InvalidRequest extends DomainException {

    public InvalidRequest(String detail) {
        super(400, "invalid-request", "Invalid request", detail);
    }
}
