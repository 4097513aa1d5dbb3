package io.partnerhub.exam.registration;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.security.Roles;
import io.partnerhub.exam.registration.RegistrationViews.RegisterForExam;
import io.partnerhub.exam.registration.RegistrationViews.RegistrationView;
import io.partnerhub.exam.registration.RegistrationViews.SystemCheck;
import io.partnerhub.exam.web.Examples;

@Path("/exam-registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Registrations", description = "E2 bookings (retake policy E3 and vouchers E4 are checked here)")
@SecurityRequirement(name = "jwt")
public class RegistrationResource {

    private final RegistrationService service;

    public RegistrationResource(RegistrationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.OPS, Roles.EXAM_PROVIDER, Roles.EMPLOYEE})
    @Operation(summary = "Book a candidate on an exam (ops, exam-provider for its own provider, employee for their own candidate)",
            description = "SCHEDULED, or AWAITING_SYSTEM_CHECK for ONLINE_PROCTORED. The retake policy is checked at scheduledAt. "
                    + "A voucherId uses an Exam Replay voucher (consumed by the booking, given back on cancellation); another candidate's voucher answers 404. "
                    + "An exam-provider token books only with its own provider (claim provider), else 403.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RegisterForExam.class),
            examples = @ExampleObject(name = "test center", value = Examples.REGISTER)))
    @APIResponse(responseCode = "201", description = "Booked; Location names the registration",
            content = @Content(schema = @Schema(implementation = RegistrationView.class), examples = @ExampleObject(name = "scheduled", value = Examples.REGISTRATION)))
    @APIResponse(responseCode = "400", description = "Invalid booking: missing fields, past scheduledAt or one outside years 1900-9999, ids too long, provider or delivery mode not offered (/delivery-not-offered)",
            content = @Content(mediaType = Examples.PROBLEM, examples = {
                    @ExampleObject(name = "invalid", value = Examples.INVALID),
                    @ExampleObject(name = "scheduledAt out of range", value = Examples.VALIDATION_FAILED)}))
    @APIResponse(responseCode = "404", description = "Unknown exam; unknown or another candidate's voucher; another candidate (employee)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "/retake-not-allowed, /exam-retired, /registration-pending, /voucher-used, /voucher-expired, /voucher-exam-mismatch, /voucher-candidate-mismatch, /voucher-no-failed-attempt",
            content = @Content(mediaType = Examples.PROBLEM, examples = {
                    @ExampleObject(name = "retake not allowed", value = Examples.RETAKE_NOT_ALLOWED),
                    @ExampleObject(name = "exam retired", value = Examples.EXAM_RETIRED)}))
    @APIResponse(responseCode = "403", description = "Role may not book; exam-provider token without a valid provider claim, or booking for another provider",
            content = @Content(mediaType = Examples.PROBLEM, examples = {
                    @ExampleObject(name = "other provider", value = Examples.PROVIDER_MISMATCH),
                    @ExampleObject(name = "no provider claim", value = Examples.PROVIDER_CLAIM_MISSING)}))
    public Response book(@NotNull @Valid RegisterForExam body) {
        RegistrationView registration = service.book(body);
        return Response.created(URI.create("/exam-registrations/" + registration.id())).entity(registration).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPS, Roles.EXAM_PROVIDER, Roles.EMPLOYEE})
    @Operation(summary = "One registration (ops; exam-provider: its provider's; employee: own candidate's)")
    @APIResponse(responseCode = "200", description = "The registration", content = @Content(schema = @Schema(implementation = RegistrationView.class), examples = @ExampleObject(name = "scheduled", value = Examples.REGISTRATION)))
    @APIResponse(responseCode = "404", description = "Unknown, another candidate's (employee) or another provider's (exam-provider)", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "403", description = "Role may not read registrations; exam-provider token without a valid provider claim")
    public RegistrationView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/system-check")
    @RolesAllowed({Roles.OPS, Roles.EXAM_PROVIDER})
    @Operation(summary = "Record the online system pre-check (the registration's exam-provider, ops)",
            description = "passed=true confirms an AWAITING_SYSTEM_CHECK registration (SCHEDULED); passed=false leaves it awaiting another check. "
                    + "The provider that runs the check posts it; a candidate cannot attest their own check (403).")
    @RequestBody(content = @Content(schema = @Schema(implementation = SystemCheck.class), examples = @ExampleObject(name = "passed", value = "{\"passed\":true}")))
    @APIResponse(responseCode = "200", description = "The registration", content = @Content(schema = @Schema(implementation = RegistrationView.class), examples = @ExampleObject(name = "scheduled", value = Examples.REGISTRATION_ONLINE)))
    @APIResponse(responseCode = "400", description = "passed missing", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "Unknown, another candidate's (employee) or another provider's (exam-provider)", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "/system-check-not-applicable: not an online registration awaiting its check", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not applicable", value = Examples.SYSTEM_CHECK_NOT_APPLICABLE)))
    @APIResponse(responseCode = "403", description = "Not ops or exam-provider (employees cannot self-attest); exam-provider token without a valid provider claim")
    public RegistrationView systemCheck(@PathParam("id") UUID id, @NotNull @Valid SystemCheck body) {
        return service.systemCheck(id, body.passed());
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.OPS, Roles.EXAM_PROVIDER, Roles.EMPLOYEE})
    @Operation(summary = "Cancel a booking before its appointment (ops; exam-provider: its provider's; employee: own)", description = "A voucher used for it is given back. Cancelling a cancelled registration answers 200 again.")
    @APIResponse(responseCode = "200", description = "CANCELLED", content = @Content(schema = @Schema(implementation = RegistrationView.class), examples = @ExampleObject(name = "cancelled", value = Examples.REGISTRATION_CANCELLED)))
    @APIResponse(responseCode = "404", description = "Unknown, another candidate's (employee) or another provider's (exam-provider)", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "/registration-not-cancellable: completed, or the appointment has passed", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not cancellable", value = Examples.NOT_CANCELLABLE)))
    @APIResponse(responseCode = "403", description = "Role may not cancel; exam-provider token without a valid provider claim")
    public RegistrationView cancel(@PathParam("id") UUID id) {
        return service.cancel(id);
    }
}
