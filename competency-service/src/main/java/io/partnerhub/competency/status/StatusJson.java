package io.partnerhub.competency.status;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.competency.domain.CompetencyState;
import io.partnerhub.competency.domain.Evaluation;
import io.partnerhub.competency.status.StatusViews.RequirementProgress;
import io.partnerhub.competency.status.StatusViews.StatusView;

/**
 * The JSON columns of competency_status and competency_status_change (reasons, requirement progress) read and written
 * in one place, and the stored row seen as a {@link CompetencyState} or a {@link StatusView}.
 */
@ApplicationScoped
public class StatusJson {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<RequirementProgress>> PROGRESS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public StatusJson(ObjectMapper json) {
        this.json = json;
    }

    /** The stored state, NONE when there is no row. */
    CompetencyState state(CompetencyStatus status) {
        return status == null ? CompetencyState.NONE
                : new CompetencyState(status.level, status.atRisk, reasons(status.reasons), status.attainedAt, status.validUntil);
    }

    StatusView view(CompetencyStatus s) {
        return new StatusView(s.organizationId, s.competencyId, s.level, s.path, s.atRisk, reasons(s.reasons),
                s.attainedAt, s.validUntil, s.asOf, s.requirementVersion, read(s.requirements, PROGRESS));
    }

    static List<RequirementProgress> progress(Evaluation evaluation) {
        return evaluation.progress().stream().map(p -> new RequirementProgress(p.level(), p.path(), p.description(), p.have(),
                p.need(), p.counted(), p.met())).toList();
    }

    List<String> reasons(String text) {
        return read(text, STRINGS);
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored status is not readable", e);
        }
    }
}
