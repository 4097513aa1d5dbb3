package io.partnerhub.exam.domain;

/** Exam delivery providers. */
public enum ExamProvider {
    PEARSON_VUE, PSI
}
