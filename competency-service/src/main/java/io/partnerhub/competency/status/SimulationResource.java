package io.partnerhub.competency.status;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.competency.status.SimulationViews.Simulation;
import io.partnerhub.competency.status.StatusViews.StatusView;
import io.partnerhub.competency.web.Examples;

/** K6 what-if: nothing is stored or published. */
@Path("/competency-simulations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Competency status")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN, Roles.EMPLOYEE })
public class SimulationResource {

    private final StatusSimulation status;
    private final Caller caller;

    public SimulationResource(StatusSimulation status, Caller caller) {
        this.status = status;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "What-if: the organisation's statuses after departures, expiries, at a date and/or under a roadmap version (K6)",
            description = "Answers the status shape (one entry per competency in effect at `at`); nothing is stored or published. "
                    + "ops, or partner-admin/employee of the organisation (others 404).")
    @RequestBody(content = @Content(schema = @Schema(implementation = Simulation.class),
            examples = @ExampleObject(name = "a departure under the May version", value = Examples.SIMULATION)))
    @APIResponse(responseCode = "200", description = "The simulated statuses",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StatusView.class),
                    examples = @ExampleObject(name = "at risk", value = "[" + Examples.STATUS + "]")))
    @APIResponse(responseCode = "400", description = "Invalid simulation",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "Unknown organisation (or not the caller's), or no such requirement version",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.ORGANIZATION_NOT_FOUND)))
    public List<StatusView> simulate(@NotNull @Valid Simulation simulation) {
        caller.requireOrganization(simulation.organizationId());
        return status.simulate(simulation);
    }
}
