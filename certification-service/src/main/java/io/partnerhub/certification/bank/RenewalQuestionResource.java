package io.partnerhub.certification.bank;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/certifications/{id}/renewal-questions")
@Tag(name = "Assessment banks", description = "C3/C6 question banks and blueprints (ops)")
public class RenewalQuestionResource extends QuestionBankResource {

    public RenewalQuestionResource(BankService service) {
        super(service);
    }

    @Override
    protected BankKey key(String id) {
        return BankKey.certification(id);
    }
}
