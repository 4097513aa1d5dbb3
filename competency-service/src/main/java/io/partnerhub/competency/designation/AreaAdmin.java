package io.partnerhub.competency.designation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.competency.designation.DesignationViews.AreaView;
import io.partnerhub.competency.designation.DesignationViews.DefineArea;
import io.partnerhub.competency.designation.DesignationViews.DefineVersion;

/** P1 catalogue reads and ops writes: areas and score requirement sets, checked by the domain before anything is stored. */
@ApplicationScoped
public class AreaAdmin {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,99}");
    private static final Set<String> FIGURES = Set.of("new-customers", "revenue", "active-usage", "deployed-seats",
            DesignationFacts.INTERMEDIATE, DesignationFacts.ADVANCED);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final AreaCatalogue catalogue;
    private final DesignationFacts facts;
    private final DesignationEvaluation evaluation;
    private final EntityManager em;

    public AreaAdmin(AreaCatalogue catalogue, DesignationFacts facts, DesignationEvaluation evaluation, EntityManager em) {
        this.catalogue = catalogue;
        this.facts = facts;
        this.evaluation = evaluation;
        this.em = em;
    }

    public List<AreaView> list() {
        LocalDate today = DesignationEvaluation.today(evaluation.now());
        return catalogue.stored().stream().map(a -> AreaView.of(a, today)).toList();
    }

    public AreaView get(String id) {
        return AreaView.of(catalogue.stored(id).orElseThrow(() -> new ResourceNotFound("solution area", id)),
                DesignationEvaluation.today(evaluation.now()));
    }

    @Transactional
    public AreaView define(DefineArea body) {
        if (body.replaces() != null && body.replaces().stream().anyMatch(r -> r.contains(","))) {
            throw invalid("replaces: a competency id has no comma");
        }
        int inserted = em.createNativeQuery("INSERT INTO solution_area (id, name, replaces, created_at)"
                + " VALUES (?1, ?2, string_to_array(?3, ','), now()) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, body.id()).setParameter(2, body.name())
                .setParameter(3, body.replaces() == null ? "" : String.join(",", body.replaces())).executeUpdate();
        catalogue.changed();
        if (inserted == 0) {
            throw new DomainException(409, "solution-area-exists", "Solution area exists", "A solution area with id " + body.id() + " exists");
        }
        return get(body.id());
    }

    @Transactional
    public AreaView publish(String id, DefineVersion body) {
        AreaCatalogue.Area area = catalogue.stored(id).orElseThrow(() -> new ResourceNotFound("solution area", id));
        LocalDate today = DesignationEvaluation.today(evaluation.now());
        if (body.effectiveFrom().isBefore(today) || body.effectiveFrom().isAfter(LAST_DAY)) {
            throw invalid("effectiveFrom must be from today (" + today + ") to 9999-12-31");
        }
        AreaCatalogue.VersionBody parsed = body.body();
        check(parsed);
        AreaCatalogue.Version version;
        try {
            version = AreaCatalogue.version(body.version(), body.effectiveFrom(), parsed);
            version.specialisations(id); // a specialisation without certifications or people does not build
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(e.getMessage());
        }
        String json;
        try {
            json = AreaCatalogue.JSON.writeValueAsString(parsed);
        } catch (JsonProcessingException e) {
            throw invalid(e.getOriginalMessage());
        }
        int inserted = em.createNativeQuery("INSERT INTO score_version (solution_area_id, version, effective_from, body, created_at)"
                + " VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), now()) ON CONFLICT DO NOTHING").setParameter(1, id)
                .setParameter(2, body.version()).setParameter(3, body.effectiveFrom()).setParameter(4, json).executeUpdate();
        if (inserted == 0) {
            throw new DomainException(409, "score-version-exists", "Score version exists", id + " already has version "
                    + body.version() + " or a version effective " + body.effectiveFrom());
        }
        catalogue.changed();
        facts.register(List.of(new AreaCatalogue.Area(area.id(), area.name(), area.replaces(), List.of(version))), evaluation.now());
        return get(id);
    }

    private static void check(AreaCatalogue.VersionBody body) {
        for (AreaCatalogue.MetricBody metric : body.metrics()) {
            if (metric.id() == null || !ID.matcher(metric.id()).matches()) {
                throw invalid("metrics: an id is a lower-case id like net-customer-adds");
            }
            if (metric.name() == null || metric.name().length() > 200) {
                throw invalid("metrics: " + metric.id() + " needs a name of up to 200 characters");
            }
            if (metric.maxPoints() < 1 || metric.maxPoints() > 100) {
                throw invalid("metrics: maxPoints of " + metric.id() + " must be 1 to 100");
            }
            if (metric.figure() == null || !FIGURES.contains(metric.figure())) {
                throw invalid("metrics: " + metric.id() + " reads an unknown figure (one of " + FIGURES + ")");
            }
        }
        for (AreaCatalogue.TrackBody track : body.tracks()) {
            if (track.name() == null || track.name().length() > 40
                    || track.when() != null && (track.when().figure() == null || !FIGURES.contains(track.when().figure()))) {
                throw invalid("tracks: a track needs a name of up to 40 characters and a known figure in its rule");
            }
        }
        if (body.specialisations().stream().map(AreaCatalogue.SpecialisationBody::id).distinct().count()
                != body.specialisations().size()) {
            throw invalid("specialisations: an id is listed twice");
        }
        for (AreaCatalogue.SpecialisationBody s : body.specialisations()) {
            if (s.id() == null || !ID.matcher(s.id()).matches() || s.name() == null || s.name().length() > 200
                    || s.certifications() == null || s.certifications().size() > 50) {
                throw invalid("specialisations: a lower-case id, a name of up to 200 characters and up to 50 certifications");
            }
        }
    }

    private static DomainException invalid(String detail) {
        return new DomainException(400, "invalid-score-version", "Invalid score version", detail);
    }
}
