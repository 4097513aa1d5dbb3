package io.partnerhub.exam.exam;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.exam.exam.ExamViews.AnnounceRetirement;
import io.partnerhub.exam.exam.ExamViews.CreateExam;
import io.partnerhub.exam.exam.ExamViews.ExamView;
import io.partnerhub.exam.web.Examples;
import io.partnerhub.exam.web.Ids;
import io.quarkus.security.Authenticated;

@Path("/exams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exams", description = "E1 exam catalogue")
@SecurityRequirement(name = "jwt")
public class ExamResource {

    private final ExamService service;

    public ExamResource(ExamService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Add an exam to the catalogue (ops)")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateExam.class),
            examples = @ExampleObject(name = "AZ-104", value = Examples.CREATE_EXAM)))
    @APIResponse(responseCode = "201", description = "Created; Location names the exam",
            content = @Content(schema = @Schema(implementation = ExamView.class), examples = @ExampleObject(name = "exam", value = Examples.EXAM)))
    @APIResponse(responseCode = "400", description = "Invalid exam", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "409", description = "An exam with this code exists", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "exists", value = Examples.EXAM_EXISTS)))
    public Response create(@NotNull @Valid CreateExam body) {
        ExamView exam = service.create(body);
        return Response.created(URI.create("/exams/" + exam.code())).entity(exam).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "List the catalogue, ordered by code (any authenticated role)",
            description = "Paged: page from 0 to 100000, size 1-100 (larger sizes are capped at 100). The total is in the X-Total-Count header.")
    @APIResponse(responseCode = "200", description = "A page of exams", headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "X-Total-Count", description = "number of exams"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ExamView.class), examples = @ExampleObject(name = "page", value = "[" + Examples.EXAM + "]")))
    public Response list(@Valid @BeanParam PageRequest paging) {
        List<ExamView> exams = service.list(paging.page(), paging.size());
        return paging.respond(exams, service.count());
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(summary = "One exam (any authenticated role)")
    @APIResponse(responseCode = "200", description = "The exam", content = @Content(schema = @Schema(implementation = ExamView.class), examples = @ExampleObject(name = "exam", value = Examples.EXAM)))
    public ExamView get(@PathParam("code") @Size(max = Ids.EXAM_CODE_MAX) String code) {
        return service.get(code);
    }

    @POST
    @Path("/{code}/retirement")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Announce (or move) the exam's retirement date (ops)",
            description = "The exam is RETIRING until retiresOn and RETIRED from that day (UTC). exam.retired.v1 is published by the retirement sweep when the date is reached.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AnnounceRetirement.class), examples = @ExampleObject(name = "retirement", value = "{\"retiresOn\":\"2027-01-31\"}")))
    @APIResponse(responseCode = "200", description = "The exam, now RETIRING (or RETIRED when retiresOn is today)", content = @Content(schema = @Schema(implementation = ExamView.class), examples = @ExampleObject(name = "retiring", value = Examples.EXAM_RETIRING)))
    @APIResponse(responseCode = "400", description = "retiresOn missing or in the past", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "409", description = "Already retired", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "retired", value = Examples.EXAM_RETIRED)))
    public ExamView announceRetirement(@PathParam("code") @Size(max = Ids.EXAM_CODE_MAX) String code, @NotNull @Valid AnnounceRetirement body) {
        return service.announceRetirement(code, body);
    }
}
