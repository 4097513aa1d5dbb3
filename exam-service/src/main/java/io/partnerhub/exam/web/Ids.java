package io.partnerhub.exam.web;

/**
 * The longest ids the exam service stores or looks up, for {@code @Size(max = …)} on path and query parameters and
 * request fields: one longer cannot exist here, so it answers 400 /validation-failed instead of reaching the database
 * (a 300-character candidate id used to answer 500). They match the columns (V1__exam_schema.sql).
 */
public final class Ids {

    /** Candidate ids come from the identity system: up to 100 characters ({@code candidate_id varchar(100)}). */
    public static final int CANDIDATE_ID_MAX = 100;
    /** Exam codes: {@code [A-Z0-9][A-Z0-9-]{1,31}} ({@code exam.code varchar(32)}). */
    public static final int EXAM_CODE_MAX = 32;
    /** A provider's result id ({@code provider_result_id varchar(200)}). */
    public static final int PROVIDER_RESULT_ID_MAX = 200;

    private Ids() {
    }
}
