package io.partnerhub.certification.bank;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/assessments/{id}/blueprint")
@Tag(name = "Assessment banks", description = "C3/C6 question banks and blueprints (ops)")
public class AssessmentBlueprintResource extends BlueprintResource {

    public AssessmentBlueprintResource(BankService service) {
        super(service);
    }

    @Override
    protected BankKey key(String id) {
        return BankKey.assessment(id);
    }
}
