package io.partnerhub.certification.bank;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.partnerhub.certification.bank.BankViews.BlueprintBody;
import io.partnerhub.certification.bank.BankViews.BlueprintView;
import io.partnerhub.certification.web.AssessmentExamples;
import io.partnerhub.certification.web.Examples;
import io.partnerhub.chassis.security.Roles;

/**
 * The blueprint of a bank (ops): the same two endpoints for a certification's renewal assessment and an online
 * assessment; a subclass gives the path and says whose bank its {@code {id}} names.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public abstract class BlueprintResource {

    private final BankService service;

    protected BlueprintResource(BankService service) {
        this.service = service;
    }

    protected abstract BankKey key(String id);

    @GET
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "The blueprint: questions per attempt, time limit, pass mark, skill areas and their shares (ops)")
    @APIResponse(responseCode = "200", description = "The blueprint",
            content = @Content(schema = @Schema(implementation = BlueprintView.class),
                    examples = @ExampleObject(name = "blueprint", value = AssessmentExamples.BLUEPRINT)))
    public BlueprintView get(@PathParam("id") String id) {
        return service.blueprint(key(id));
    }

    @PUT
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Save the blueprint (ops)", description = "Shares are percent and sum to 100; absent numbers take the "
            + "defaults (25 questions, 45 minutes, pass at 60 %). Refused while the bank holds fewer active questions than "
            + "3 x the draw of any skill area, so that a few attempts cannot harvest it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = BlueprintBody.class),
            examples = @ExampleObject(name = "blueprint", value = AssessmentExamples.BLUEPRINT)))
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(schema = @Schema(implementation = BlueprintView.class),
                    examples = @ExampleObject(name = "blueprint", value = AssessmentExamples.BLUEPRINT)))
    @APIResponse(responseCode = "409", description = "/bank-too-small (skillArea, have, need); /renewal-not-needed for fundamentals",
            content = @Content(mediaType = Examples.PROBLEM,
                    examples = @ExampleObject(name = "bank too small", value = AssessmentExamples.BANK_TOO_SMALL)))
    public BlueprintView put(@PathParam("id") String id, @NotNull @Valid BlueprintBody body) {
        return service.putBlueprint(key(id), body);
    }
}
