package io.partnerhub.certification.delivery;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.certification.delivery.AttemptViews.AttemptView;

/** C6: a candidate starts an online assessment; a pass publishes assessment.passed.v1. */
@Path("/assessments/{id}/attempts")
@Tag(name = "Assessment attempts", description = "C3/C6 assessments delivered and scored by the service")
public class OnlineAssessmentAttemptResource extends AttemptStartResource {

    public OnlineAssessmentAttemptResource(AttemptService service, CandidateCaller candidate) {
        super(service, candidate);
    }

    @Override
    protected AttemptView start(String id, String candidateId, String deliveredBy) {
        return service.startAssessment(id, candidateId, deliveredBy);
    }
}
