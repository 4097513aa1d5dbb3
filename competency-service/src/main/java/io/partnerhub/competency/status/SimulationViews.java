package io.partnerhub.competency.status;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerhub.chassis.validation.StorableInstant;

/** K6 what-if request. */
public final class SimulationViews {

    private SimulationViews() {
    }

    @Schema(name = "SimulatedExpiry", description = "The candidate's certification (or assessment:<id>) taken as ended")
    public record Expiry(@NotBlank @Size(max = 200) String candidateId, @NotBlank @Size(max = 111) String certificationId) {
    }

    @Schema(name = "SimulatedVersion", description = "A stored requirement version (e.g. from the roadmap) to use for its competency")
    public record VersionChoice(@NotBlank @Size(max = 100) String competencyId, @NotBlank @Size(max = 50) String version) {
    }

    @Schema(name = "Simulation")
    public record Simulation(
            @NotBlank @Size(max = 200) String organizationId,
            @Size(max = 1000) List<@NotBlank @Size(max = 200) String> departures,
            @Size(max = 1000) List<@NotNull @Valid Expiry> expiries,
            @Schema(description = "the instant to evaluate at (default now); the versions in effect then apply") @StorableInstant Instant at,
            @Valid VersionChoice requirementVersion) {
    }
}
