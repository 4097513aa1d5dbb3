package io.partnerhub.competency.domain.designation;

/** D1: the three categories a capability score's metrics fall into. */
public enum Category {
    PERFORMANCE, SKILLING, CUSTOMER_SUCCESS
}
