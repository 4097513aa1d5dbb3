package io.partnerhub.certification.bank;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.partnerhub.certification.bank.BankViews.ImportRow;
import io.partnerhub.certification.bank.BankViews.QuestionBody;
import io.partnerhub.certification.bank.BankViews.QuestionView;
import io.partnerhub.certification.web.AssessmentExamples;
import io.partnerhub.certification.web.PathIds;
import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.security.Roles;

/**
 * A question bank (ops): the same endpoints for a certification's renewal assessment and an online assessment; a
 * subclass gives the path and says whose bank its {@code {id}} names. Ops see the correct options and explanations.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public abstract class QuestionBankResource {

    private final BankService service;

    protected QuestionBankResource(BankService service) {
        this.service = service;
    }

    protected abstract BankKey key(String id);

    @POST
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Add a question (ops)", description = "SINGLE: exactly one correct option; MULTIPLE: at least one. "
            + "2 to 10 options; option ids are given by the service.")
    @RequestBody(content = @Content(schema = @Schema(implementation = QuestionBody.class),
            examples = @ExampleObject(name = "question", value = AssessmentExamples.QUESTION_BODY)))
    @APIResponse(responseCode = "201", description = "Added (revision 1, active)",
            content = @Content(schema = @Schema(implementation = QuestionView.class),
                    examples = @ExampleObject(name = "question", value = AssessmentExamples.QUESTION)))
    public Response add(@PathParam("id") String id, @NotNull @Valid QuestionBody body, @Context UriInfo uri) {
        QuestionView question = service.add(key(id), body);
        return Response.created(URI.create(uri.getPath() + "/" + question.id())).entity(question).build();
    }

    @GET
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "The bank's questions, latest revisions, oldest first (ops)",
            description = "Active and retired, with their answers. Paged; total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of questions",
            headers = @Header(name = "X-Total-Count", description = "questions in the bank"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = QuestionView.class),
                    examples = @ExampleObject(name = "questions", value = "[" + AssessmentExamples.QUESTION + "]")))
    public Response list(@PathParam("id") String id, @Valid @BeanParam PageRequest paging) {
        BankKey key = key(id);
        return paging.respond(service.list(key, paging.page(), paging.size()), service.count(key));
    }

    @PUT
    @Path("/{questionId}")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Change a question: a new revision (ops)", description = "The previous revision stays as it was for "
            + "the attempts drawn from it; new attempts draw the new one. It keeps being active or retired.")
    @RequestBody(content = @Content(schema = @Schema(implementation = QuestionBody.class),
            examples = @ExampleObject(name = "question", value = AssessmentExamples.QUESTION_BODY)))
    @APIResponse(responseCode = "200", description = "The new revision",
            content = @Content(schema = @Schema(implementation = QuestionView.class),
                    examples = @ExampleObject(name = "question", value = AssessmentExamples.QUESTION)))
    public QuestionView revise(@PathParam("id") String id, @PathParam("questionId") String questionId,
            @NotNull @Valid QuestionBody body) {
        return service.revise(key(id), PathIds.uuid(questionId, "question"), body);
    }

    @POST
    @Path("/{questionId}/retirement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Retire a question: drawn no more (ops)", description = "Again: the same answer.")
    @APIResponse(responseCode = "200", description = "The retired question",
            content = @Content(schema = @Schema(implementation = QuestionView.class),
                    examples = @ExampleObject(name = "question", value = AssessmentExamples.QUESTION)))
    public QuestionView retire(@PathParam("id") String id, @PathParam("questionId") String questionId) {
        return service.retire(key(id), PathIds.uuid(questionId, "question"));
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Import questions (ops)", description = "A JSON array of questions (at most "
            + BankService.MAX_IMPORT_ROWS + "); every valid row is added, the report says per row (from 1) created or invalid.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = QuestionBody.class),
            examples = @ExampleObject(name = "questions", value = "[" + AssessmentExamples.QUESTION_BODY + "]")))
    @APIResponse(responseCode = "200", description = "The per-row report",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ImportRow.class),
                    examples = @ExampleObject(name = "report", value = AssessmentExamples.IMPORT_REPORT)))
    public List<ImportRow> importQuestions(@PathParam("id") String id, @NotNull List<QuestionBody> rows) {
        return service.importQuestions(key(id), rows);
    }
}
