package io.partnerhub.competency.domain.designation;

/** P1: the three categories a capability score's metrics fall into. */
public enum Category {
    PERFORMANCE, SKILLING, CUSTOMER_SUCCESS
}
