package io.partnerhub.certification.delivery;

import jakarta.enterprise.context.RequestScoped;

import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.security.Caller;

/** The candidate an employee token acts for (claim candidate): attempts are taken and read with the own token only. */
@RequestScoped
public class CandidateCaller {

    private final Caller caller;

    public CandidateCaller(Caller caller) {
        this.caller = caller;
    }

    public String candidateId() {
        return caller.candidateId().orElseThrow(() -> new DomainException(403, "forbidden", "Forbidden",
                "An employee token must name its candidate in claim '" + Caller.CANDIDATE_CLAIM + "' to take assessments."));
    }
}
