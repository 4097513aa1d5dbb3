package io.partnerhub.competency.competency;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.persistence.Constraints;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.competency.competency.CompetencyViews.CompetencyView;
import io.partnerhub.competency.competency.CompetencyViews.DefineCompetency;
import io.quarkus.logging.Log;

@ApplicationScoped
public class CompetencyService {

    private final CompetencyRepository competencies;
    private final Clock clock;

    public CompetencyService(CompetencyRepository competencies, Clock clock) {
        this.competencies = competencies;
        this.clock = clock;
    }

    @Transactional
    public CompetencyView define(DefineCompetency body) {
        if (competencies.findByIdOptional(body.id()).isPresent()) {
            throw exists(body.id());
        }
        Competency competency = new Competency();
        competency.id = body.id();
        competency.name = body.name().trim();
        competency.createdAt = clock.instant();
        try {
            competencies.persistAndFlush(competency);
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw exists(body.id());
            }
            throw e;
        }
        Log.infof("Competency %s defined", competency.id);
        return CompetencyView.of(competency);
    }

    public List<CompetencyView> list(int page, int size) {
        return competencies.page(page, size).stream().map(CompetencyView::of).toList();
    }

    public long count() {
        return competencies.count();
    }

    public CompetencyView get(String id) {
        return competencies.findByIdOptional(id).map(CompetencyView::of)
                .orElseThrow(() -> new ResourceNotFound("competency", id));
    }

    private static Conflict exists(String id) {
        return new Conflict("competency-exists", "Competency exists", "A competency with id " + id + " exists");
    }
}
