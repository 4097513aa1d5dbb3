package io.partnerhub.certification.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.certification.certification.CertificationViews.AnnounceRetirement;
import io.partnerhub.certification.certification.CertificationViews.CertificationView;
import io.partnerhub.certification.certification.CertificationViews.DefineCertification;
import io.partnerhub.certification.domain.CertificationStatus;
import io.partnerhub.certification.domain.PrerequisiteGraph;
import io.partnerhub.certification.domain.RequiredExams;
import io.partnerhub.certification.events.CertificationDefined;
import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.persistence.Constraints;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.quarkus.logging.Log;

@ApplicationScoped
public class CertificationService {

    /** A retirement further ahead than this is a typo (and would not fit every date column). */
    static final int MAX_YEARS_AHEAD = 100;

    private final CertificationRepository certifications;
    private final EventPublisher events;
    private final Clock clock;

    public CertificationService(CertificationRepository certifications, EventPublisher events, Clock clock) {
        this.certifications = certifications;
        this.events = events;
        this.clock = clock;
    }

    /**
     * C1: every check runs before anything is stored. Exam codes are accepted when well formed (this service has no
     * exam catalogue; see README C1a); prerequisites and the successor must be in the catalogue, and the
     * prerequisites must not form a cycle.
     */
    @Transactional
    public CertificationView define(DefineCertification body) {
        RequiredExams requiredExams;
        try {
            requiredExams = new RequiredExams(body.requiredExams());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        List<String> prerequisites = body.prerequisites() == null ? List.of() : body.prerequisites().stream().distinct().toList();
        if (prerequisites.contains(body.id())) {
            throw new InvalidRequest("a certification cannot be its own prerequisite (cycle " + body.id() + " -> " + body.id() + ")");
        }
        Map<String, List<String>> graph = new HashMap<>();
        for (Certification existing : certifications.listAll()) {
            graph.put(existing.id, existing.prerequisites);
        }
        Set<String> unknown = PrerequisiteGraph.unknown(prerequisites, graph.keySet());
        if (!unknown.isEmpty()) {
            throw new InvalidRequest("prerequisite " + String.join(", ", unknown.stream().sorted().toList())
                    + " is not a certification in the catalogue").with("field", "prerequisites");
        }
        if (body.successor() != null) {
            if (body.successor().equals(body.id())) {
                throw new InvalidRequest("a certification cannot be its own successor").with("field", "successor");
            }
            if (!graph.containsKey(body.successor())) {
                throw new InvalidRequest("successor " + body.successor() + " is not a certification in the catalogue")
                        .with("field", "successor");
            }
        }
        if (graph.containsKey(body.id())) {
            throw exists(body.id());
        }
        graph.put(body.id(), prerequisites);
        Optional<List<String>> cycle = PrerequisiteGraph.findCycle(graph);
        if (cycle.isPresent()) {
            throw new InvalidRequest("prerequisites form a cycle: " + String.join(" -> ", cycle.get())).with("field", "prerequisites");
        }
        Certification certification = new Certification();
        certification.id = body.id();
        certification.name = body.name().trim();
        certification.level = body.level();
        certification.requiredExams = requiredExams.groups();
        certification.prerequisites = prerequisites;
        certification.successor = body.successor();
        certification.createdAt = clock.instant();
        try {
            certifications.persistAndFlush(certification);
        } catch (jakarta.persistence.PersistenceException e) {
            // a concurrent definition of the same id won the race
            if (Constraints.isUniqueViolation(e)) {
                throw exists(body.id());
            }
            throw e;
        }
        events.publish(defined(certification));
        Log.infof("Certification %s defined (%s)", certification.id, certification.level);
        return CertificationView.of(certification, today());
    }

    /**
     * C5: announces (or moves) the retirement date, optionally naming the successor. RETIRING until that date,
     * RETIRED from it: no longer earned or renewed; its holdings stay active until they expire.
     */
    @Transactional
    public CertificationView announceRetirement(String id, AnnounceRetirement body) {
        Certification certification = require(id);
        LocalDate today = today();
        if (certification.statusOn(today) == CertificationStatus.RETIRED) {
            throw new Conflict("certification-retired", "Certification retired",
                    "Certification " + id + " retired on " + certification.retiresOn + ".").with("retiresOn", certification.retiresOn);
        }
        if (body.retiresOn().isBefore(today)) {
            throw new InvalidRequest("retiresOn must be today or later").with("field", "retiresOn");
        }
        if (body.retiresOn().isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw new InvalidRequest("retiresOn must be within " + MAX_YEARS_AHEAD + " years").with("field", "retiresOn");
        }
        if (body.retiresOn().equals(certification.retiresOn)
                && (body.successor() == null || body.successor().equals(certification.successor))) {
            return CertificationView.of(certification, today); // the same announcement again (a retry): nothing changes
        }
        if (body.successor() != null) {
            if (body.successor().equals(id)) {
                throw new InvalidRequest("a certification cannot be its own successor").with("field", "successor");
            }
            if (certifications.findByIdOptional(body.successor()).isEmpty()) {
                throw new InvalidRequest("successor " + body.successor() + " is not a certification in the catalogue")
                        .with("field", "successor");
            }
            certification.successor = body.successor();
        }
        certification.retiresOn = body.retiresOn();
        certifications.flush();
        events.publish(defined(certification));
        Log.infof("Certification %s retires on %s (successor %s)", id, body.retiresOn(), certification.successor);
        return CertificationView.of(certification, today);
    }

    public List<CertificationView> list(int page, int size) {
        LocalDate today = today();
        return certifications.page(page, size).stream().map(c -> CertificationView.of(c, today)).toList();
    }

    public long count() {
        return certifications.count();
    }

    public CertificationView get(String id) {
        return CertificationView.of(require(id), today());
    }

    public Certification require(String id) {
        return certifications.findByIdOptional(id).orElseThrow(() -> new ResourceNotFound("certification", id));
    }

    /** Names of the given certifications, for views (unknown ids are left out). */
    public Map<String, Certification> byId(Set<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return certifications.list("id in ?1", ids).stream().collect(Collectors.toMap(c -> c.id, c -> c));
    }

    /** certification.defined.v1: the catalogue entry as it is now (other services keep the ids they may list). */
    private static CertificationDefined defined(Certification certification) {
        return new CertificationDefined(certification.id, certification.name, certification.level, certification.retiresOn,
                certification.successor, certification.createdAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Conflict exists(String id) {
        return new Conflict("certification-exists", "Certification exists", "A certification with id " + id + " exists");
    }
}
