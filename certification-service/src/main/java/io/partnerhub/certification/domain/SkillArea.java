package io.partnerhub.certification.domain;

/** A skill area of a blueprint (its id, the name a candidate reads, and its share of the questions in percent). */
public record SkillArea(String id, String name, int share) {
}
