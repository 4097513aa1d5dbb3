package io.partnerhub.certification.delivery;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.certification.delivery.AttemptViews.AttemptView;
import io.partnerhub.certification.web.PathIds;

/** C3: the holder starts the renewal assessment of their holding (another candidate's holding: 404). */
@Path("/certification-holdings/{id}/renewal-assessments")
@Tag(name = "Assessment attempts", description = "C3/C6 assessments delivered and scored by the service")
public class RenewalAssessmentResource extends AttemptStartResource {

    public RenewalAssessmentResource(AttemptService service, CandidateCaller candidate) {
        super(service, candidate);
    }

    @Override
    protected AttemptView start(String id, String candidateId, String deliveredBy) {
        return service.startRenewal(PathIds.uuid(id, "certification holding"), candidateId, deliveredBy);
    }
}
