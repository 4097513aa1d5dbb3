package io.partnerhub.competency.competency;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the competency catalogue. */
public final class CompetencyViews {

    private CompetencyViews() {
    }

    public record DefineCompetency(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,99}", message = "must be a lower-case id like cloud-platform") String id,
            @NotBlank @Size(max = 200) String name) {
    }

    public record CompetencyView(String id, String name, Instant createdAt) {

        static CompetencyView of(Competency c) {
            return new CompetencyView(c.id, c.name, c.createdAt);
        }
    }
}
