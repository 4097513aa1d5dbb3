package io.partnerhub.certification.bank;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BlueprintRepository implements PanacheRepositoryBase<AssessmentBlueprint, String> {
}
