package io.partnerhub.certification.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.partnerhub.certification.domain.CertificationLevel;
import io.partnerhub.certification.domain.CertificationStatus;

/** Request and response bodies of the certification catalogue. */
public final class CertificationViews {

    private CertificationViews() {
    }

    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,99}";

    public record DefineCertification(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be a lower-case id like azure-administrator-associate") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull CertificationLevel level,
            @NotEmpty @Size(max = 20) List<@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 32) String>> requiredExams,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = ID_PATTERN) String> prerequisites,
            @Pattern(regexp = ID_PATTERN) String successor) {
    }

    public record AnnounceRetirement(
            @NotNull LocalDate retiresOn,
            @Pattern(regexp = ID_PATTERN, message = "must be the id of a certification in the catalogue") String successor) {
    }

    public record CertificationView(String id, String name, CertificationLevel level, List<List<String>> requiredExams,
            List<String> prerequisites, CertificationStatus status, LocalDate retiresOn, String successor, Instant createdAt) {

        static CertificationView of(Certification c, LocalDate today) {
            return new CertificationView(c.id, c.name, c.level, c.requiredExams, c.prerequisites, c.statusOn(today),
                    c.retiresOn, c.successor, c.createdAt);
        }
    }
}
