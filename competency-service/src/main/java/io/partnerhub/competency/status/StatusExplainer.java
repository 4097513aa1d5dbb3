package io.partnerhub.competency.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.competency.competency.RequirementCatalogue;
import io.partnerhub.competency.domain.Evaluation;
import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.domain.Reason;
import io.partnerhub.competency.domain.Requirement;
import io.partnerhub.competency.domain.RequirementVersion;
import io.partnerhub.competency.projection.KnownCredentials;
import io.partnerhub.competency.status.StatusViews.CredentialName;
import io.partnerhub.competency.status.StatusViews.ReasonView;
import io.partnerhub.competency.status.StatusViews.RequirementProgress;
import io.partnerhub.competency.status.StatusViews.RequirementView;
import io.partnerhub.competency.status.StatusViews.StatusView;

/**
 * Issue 27, read side only: the status as the API shows it, with the reasons and requirements as data and the credentials
 * named (from certification.defined.v1, {@link KnownCredentials}). People stay candidate ids: their names are personal
 * data that membership-service owns and shows to whom it may (the organisation's people list); see the module README.
 */
@ApplicationScoped
public class StatusExplainer {

    private final RequirementCatalogue catalogue;
    private final KnownCredentials credentials;

    public StatusExplainer(RequirementCatalogue catalogue, KnownCredentials credentials) {
        this.catalogue = catalogue;
        this.credentials = credentials;
    }

    /** Stored statuses: each requirement is found again in its stored version by level, path and description. */
    public List<StatusView> views(List<CompetencyStatus> rows) {
        List<Described> described = rows.stream().map(r -> new Described(r, version(r.competencyId, r.requirementVersion)))
                .toList();
        Set<String> ids = new LinkedHashSet<>();
        for (Described d : described) {
            d.row().reasons.forEach(reason -> ids.addAll(reason.credentials()));
            d.row().requirements.forEach(p -> ids.addAll(credentialsOf(d.version(), p)));
        }
        Map<String, String> names = credentials.names(ids);
        return described.stream().map(d -> view(d.row(), d.version(), names)).toList();
    }

    public StatusView view(CompetencyStatus row) {
        return views(List.of(row)).get(0);
    }

    /**
     * Every credential a status of the competency can name: those its stored versions list (reasons name only listed
     * ones). Asked for with the status in one statement ({@link StatusRead}).
     */
    public Set<String> nameable(String competencyId) {
        Set<String> ids = new LinkedHashSet<>();
        catalogue.all().getOrDefault(competencyId, List.of()).forEach(v -> java.util.stream.Stream.of(Level.SILVER, Level.GOLD)
                .flatMap(level -> v.paths(level).stream()).flatMap(List::stream).forEach(r -> ids.addAll(listed(r))));
        return ids;
    }

    /**
     * As {@link #view(CompetencyStatus)} with the names read with the row ({@code asked}: the credentials they were read
     * for); a credential outside {@code asked} (a version gone from the catalogue meanwhile) is looked up as before.
     */
    public StatusView view(CompetencyStatus row, Map<String, String> names, Set<String> asked) {
        RequirementVersion version = version(row.competencyId, row.requirementVersion);
        Set<String> missing = new LinkedHashSet<>();
        row.reasons.forEach(reason -> missing.addAll(reason.credentials()));
        row.requirements.forEach(p -> missing.addAll(credentialsOf(version, p)));
        missing.removeAll(asked);
        Map<String, String> all = names;
        if (!missing.isEmpty()) {
            all = new java.util.HashMap<>(names);
            all.putAll(credentials.names(missing));
        }
        return view(row, version, all);
    }

    private static StatusView view(CompetencyStatus s, RequirementVersion version, Map<String, String> names) {
        return new StatusView(s.organizationId, s.competencyId, s.level, s.path, s.atRisk, Reason.texts(s.reasons),
                reasons(s.reasons, names), s.attainedAt, s.validUntil, s.asOf, s.requirementVersion,
                s.requirements.stream().map(p -> requirement(p, find(version, p), names)).toList());
    }

    /** A what-if status: the evaluation knows its requirements. */
    public StatusView simulated(String organizationId, String competencyId, Level level, Integer path, boolean atRisk,
            List<Reason> reasons, CompetencyStatus stored, java.time.Instant attainedAt, java.time.Instant validUntil,
            RequirementVersion version, Evaluation evaluation) {
        Set<String> ids = new LinkedHashSet<>();
        reasons.forEach(r -> ids.addAll(r.credentials()));
        evaluation.progress().forEach(p -> ids.addAll(listed(p.requirement())));
        Map<String, String> names = credentials.names(ids);
        return new StatusView(organizationId, competencyId, level, path, atRisk, Reason.texts(reasons), reasons(reasons, names),
                attainedAt, validUntil, stored == null ? null : stored.asOf, version.version(),
                StatusRows.progress(evaluation).stream().map(p -> requirement(p, find(version, p), names)).toList());
    }

    /** Reasons as views, the credentials named. */
    public List<ReasonView> reasons(Collection<Reason> reasons) {
        Set<String> ids = new LinkedHashSet<>();
        reasons.forEach(r -> ids.addAll(r.credentials()));
        return reasons(reasons, credentials.names(ids));
    }

    private static List<ReasonView> reasons(Collection<Reason> reasons, Map<String, String> names) {
        return reasons.stream().map(r -> new ReasonView(r.kind(), r.level(), r.path(), r.requirement(),
                named(r.credentials(), names), r.people(), r.on(), r.text())).toList();
    }

    private static RequirementView requirement(RequirementProgress p, Optional<Requirement> requirement,
            Map<String, String> names) {
        String kind = requirement.map(r -> r instanceof Requirement.Skill ? "SKILL" : "PERFORMANCE").orElse(null);
        String metric = requirement.filter(Requirement.Performance.class::isInstance)
                .map(r -> ((Requirement.Performance) r).metric().toString()).orElse(null);
        return new RequirementView(p.level(), p.path(), p.description(), p.have(), p.need(),
                p.counted() == null ? List.of() : p.counted(), p.met(), kind,
                named(requirement.map(StatusExplainer::listed).orElse(List.of()), names), metric);
    }

    private static List<CredentialName> named(List<String> ids, Map<String, String> names) {
        return ids.stream().map(id -> new CredentialName(id, names.get(id))).toList();
    }

    private static List<String> listed(Requirement requirement) {
        return requirement instanceof Requirement.Skill skill ? skill.anyOf() : List.of();
    }

    private static List<String> credentialsOf(RequirementVersion version, RequirementProgress p) {
        return find(version, p).map(StatusExplainer::listed).orElse(List.of());
    }

    /** The requirement of {@code version} at the progress' level and path with its description; empty when gone. */
    private static Optional<Requirement> find(RequirementVersion version, RequirementProgress p) {
        if (version == null || p.level() == null || p.level() == Level.NONE) {
            return Optional.empty();
        }
        List<List<Requirement>> paths = version.paths(p.level());
        if (p.path() < 1 || p.path() > paths.size()) {
            return Optional.empty();
        }
        return paths.get(p.path() - 1).stream().filter(r -> r.description().equals(p.description())).findFirst();
    }

    private RequirementVersion version(String competencyId, String version) {
        List<RequirementVersion> versions = catalogue.all().getOrDefault(competencyId, new ArrayList<>());
        return versions.stream().filter(v -> v.version().equals(version)).findFirst().orElse(null);
    }

    private record Described(CompetencyStatus row, RequirementVersion version) {
    }
}
