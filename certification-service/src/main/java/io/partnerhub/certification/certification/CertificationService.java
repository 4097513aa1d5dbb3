package io.partnerhub.certification.certification;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.certification.certification.CertificationViews.CertificationView;
import io.partnerhub.certification.certification.CertificationViews.DefineCertification;
import io.partnerhub.certification.domain.CertificationStatus;
import io.partnerhub.certification.domain.RequiredExams;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.quarkus.logging.Log;

@ApplicationScoped
public class CertificationService {

    private final CertificationRepository certifications;
    private final Clock clock;

    public CertificationService(CertificationRepository certifications, Clock clock) {
        this.certifications = certifications;
        this.clock = clock;
    }

    @Transactional
    public CertificationView define(DefineCertification body) {
        RequiredExams requiredExams;
        try {
            requiredExams = new RequiredExams(body.requiredExams());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        List<String> prerequisites = body.prerequisites() == null ? List.of() : List.copyOf(body.prerequisites());
        if (prerequisites.contains(body.id())) {
            throw new InvalidRequest("a certification cannot be its own prerequisite");
        }
        for (String prerequisite : prerequisites) {
            if (certifications.findByIdOptional(prerequisite).isEmpty()) {
                throw new InvalidRequest("prerequisite " + prerequisite + " is not a certification in the catalogue");
            }
        }
        if (certifications.findByIdOptional(body.id()).isPresent()) {
            throw exists(body.id());
        }
        Certification certification = new Certification();
        certification.id = body.id();
        certification.name = body.name().trim();
        certification.level = body.level();
        certification.requiredExams = requiredExams.groups();
        certification.prerequisites = prerequisites;
        certification.status = CertificationStatus.ACTIVE;
        certification.createdAt = clock.instant();
        try {
            certifications.persistAndFlush(certification);
        } catch (jakarta.persistence.PersistenceException e) {
            // a concurrent definition of the same id won the race
            if (isUniqueViolation(e)) {
                throw exists(body.id());
            }
            throw e;
        }
        Log.infof("Certification %s defined (%s)", certification.id, certification.level);
        return CertificationView.of(certification);
    }

    public List<CertificationView> list(int page, int size) {
        return certifications.page(page, size).stream().map(CertificationView::of).toList();
    }

    public long count() {
        return certifications.count();
    }

    public CertificationView get(String id) {
        return certifications.findByIdOptional(id).map(CertificationView::of)
                .orElseThrow(() -> new ResourceNotFound("certification", id));
    }

    private static Conflict exists(String id) {
        return new Conflict("certification-exists", "Certification exists", "A certification with id " + id + " exists");
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
