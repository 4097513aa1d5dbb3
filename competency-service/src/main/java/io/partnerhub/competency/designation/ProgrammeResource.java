package io.partnerhub.competency.designation;

import java.time.LocalDate;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.competency.designation.ProgrammeSwitch.OrganizationOutcome;
import io.partnerhub.competency.status.StatusQueries;
import io.partnerhub.competency.status.StatusViews;
import io.partnerhub.competency.web.Examples;

/** Issue 22 side by side: both programme models of an organisation, and the what-if of switching on a date. */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Silver/Gold competencies and Solutions Partner designations side by side")
@SecurityRequirement(name = "jwt")
@Path("/")
public class ProgrammeResource {

    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    private final StatusQueries competencies;
    private final DesignationQueries designations;
    private final ProgrammeSwitch programmeSwitch;
    private final Caller caller;

    public ProgrammeResource(StatusQueries competencies, DesignationQueries designations, ProgrammeSwitch programmeSwitch,
            Caller caller) {
        this.competencies = competencies;
        this.designations = designations;
        this.programmeSwitch = programmeSwitch;
        this.caller = caller;
    }

    @Schema(description = "Both models at once: the competency statuses (as GET /competency-status) and the designations")
    public record ProgrammesView(String organizationId, LocalDate today, List<StatusViews.StatusView> competencies,
            List<DesignationViews.StatusView> designations) {
    }

    public record Simulation(@NotNull LocalDate on) {
    }

    static final String PROGRAMMES = """
            {"organizationId":"7c0e6c4e-3f7a-4d7e-9a53-0d2f6f1f9b11","today":"2026-12-07","competencies":[],
             "designations":[""" + DesignationExamples.STATUS + "]}";

    static final String SIMULATION = """
            [{"organizationId":"7c0e6c4e-3f7a-4d7e-9a53-0d2f6f1f9b11","on":"2027-01-01","areas":[
              {"solutionAreaId":"infra-azure","solutionAreaName":"Infrastructure (Azure)","replaces":["cloud-platform"],"designationHeld":true,
               "competenciesHeld":[{"competencyId":"cloud-platform","level":"GOLD","atRisk":false,"validUntil":"2027-11-20T10:00:00Z"}],"outcome":"KEEPS"},
              {"solutionAreaId":"data-ai-azure","solutionAreaName":"Data & AI (Azure)","replaces":["data-analytics"],"designationHeld":false,
               "competenciesHeld":[{"competencyId":"data-analytics","level":"SILVER","atRisk":false,"validUntil":"2027-10-02T09:00:00Z"}],"outcome":"LOSES"}]}]""";

    @GET
    @Path("programmes/{organizationId}")
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN, Roles.EMPLOYEE })
    @Operation(summary = "Both programme models of an organisation at once (ops; partner-admin and employees of that organisation)")
    @APIResponse(responseCode = "200", description = "Competency statuses and designations",
            content = @Content(schema = @Schema(implementation = ProgrammesView.class),
                    examples = @ExampleObject(name = "side by side", value = PROGRAMMES)))
    @APIResponse(responseCode = "404", description = "Unknown organisation, or not the caller's",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.ORGANIZATION_NOT_FOUND)))
    public ProgrammesView programmes(@PathParam("organizationId") @Size(max = 200) String organizationId) {
        caller.requireOrganization(organizationId);
        List<DesignationViews.StatusView> designated = designations.all(organizationId);
        return new ProgrammesView(organizationId, designations.today(), competencies.ofOrganization(organizationId, 0, PageRequest.MAX_SIZE),
                designated);
    }

    @POST
    @Path("programme-switch/simulations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "What if the programme switched to designations on a date: who keeps, gains, loses",
            description = "Per organisation and solution area on `on`: KEEPS (the designation held and a competency it replaces "
                    + "held), GAINS (the designation only), LOSES (a replaced competency held, no designation), NEITHER. A "
                    + "designation is held on a date when that day's window holds a qualifying day (stored days up to the last "
                    + "evaluation, after it judged from the facts in force); a competency level is held while attained, and at "
                    + "risk until its valid-until. ops: every organisation, paged (total in X-Total-Count); partner-admin: "
                    + "their own organisation only. Nothing is stored or published.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Simulation.class),
            examples = @ExampleObject(name = "new year", value = "{\"on\":\"2027-01-01\"}")))
    @APIResponse(responseCode = "200", description = "One entry per organisation of the page",
            headers = @Header(name = "X-Total-Count", description = "number of organisations"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrganizationOutcome.class),
                    examples = @ExampleObject(name = "keeps and loses", value = SIMULATION)))
    @APIResponse(responseCode = "400", description = "No date, or one outside 1900–9999, or bad paging",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    public Response simulate(@NotNull @Valid Simulation body, @Valid @BeanParam PageRequest paging) {
        if (body.on().isBefore(FIRST) || body.on().isAfter(LAST)) {
            throw new DomainException(400, "invalid-request", "Invalid request", "on must be from 1900-01-01 to 9999-12-31");
        }
        if (!caller.isOps()) {
            String own = caller.organizationId().orElseThrow(() -> new DomainException(403, "forbidden", "Forbidden",
                    "a partner-admin token names its organisation"));
            return paging.respond(List.of(programmeSwitch.simulate(own, body.on())), 1);
        }
        List<OrganizationOutcome> page = programmeSwitch.organizations(paging.firstResult(), paging.size()).stream()
                .map(o -> programmeSwitch.simulate(o, body.on())).toList();
        return paging.respond(page, programmeSwitch.countOrganizations());
    }
}
