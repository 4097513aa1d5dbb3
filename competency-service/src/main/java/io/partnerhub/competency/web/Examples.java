package io.partnerhub.competency.web;

import io.partnerhub.chassis.problem.Problems;

/** OpenAPI examples, kept in one place so that they stay consistent. */
public final class Examples {

    private Examples() {
    }

    public static final String PROBLEM = Problems.MEDIA_TYPE;

    public static final String DEFINE_COMPETENCY = """
            {"id":"cloud-platform","name":"Cloud Platform"}""";

    public static final String COMPETENCY = """
            {"id":"cloud-platform","name":"Cloud Platform","createdAt":"2026-11-23T07:00:00Z"}""";

    public static final String INVALID = """
            {"type":"https://partnerhub.io/problems/validation-failed","title":"Validation failed","status":400,
             "detail":"id: must be a lower-case id like cloud-platform","violations":[{"field":"id","message":"must be a lower-case id like cloud-platform"}]}""";

    public static final String COMPETENCY_EXISTS = """
            {"type":"https://partnerhub.io/problems/competency-exists","title":"Competency exists","status":409,
             "detail":"A competency with id cloud-platform exists"}""";

    public static final String SILVER_LEVEL = """
            {"paths":[{"requirements":[{"kind":"SKILL","individuals":2,"anyOf":["azure-administrator-associate","azure-solutions-architect-expert"]}]},\
            {"requirements":[{"kind":"SKILL","individuals":1,"anyOf":["azure-administrator-associate","assessment:cloud-adoption-framework"]},\
            {"kind":"PERFORMANCE","metric":"REVENUE","threshold":100000}]}]}""";

    public static final String GOLD_LEVEL = """
            {"paths":[{"requirements":[{"kind":"SKILL","individuals":5,"anyOf":["azure-administrator-associate","azure-solutions-architect-expert"]},\
            {"kind":"PERFORMANCE","metric":"ACTIVE_USAGE","threshold":5000}]}]}""";

    public static final String DEFINE_REQUIREMENT_VERSION = "{\"version\":\"2027-05\",\"effectiveFrom\":\"2027-05-01\",\"silver\":"
            + SILVER_LEVEL + ",\"gold\":" + GOLD_LEVEL + "}";

    public static final String REQUIREMENT_VERSION = "{\"competencyId\":\"cloud-platform\",\"version\":\"2027-05\","
            + "\"effectiveFrom\":\"2027-05-01\",\"silver\":" + SILVER_LEVEL + ",\"gold\":" + GOLD_LEVEL
            + ",\"createdAt\":\"2026-12-01T09:00:00Z\"}";

    public static final String ROADMAP = "{\"competencyId\":\"cloud-platform\",\"today\":\"2026-12-01\",\"inEffect\":null,"
            + "\"upcoming\":[" + REQUIREMENT_VERSION + "]}";

    public static final String INVALID_REQUIREMENTS = """
            {"type":"https://partnerhub.io/problems/invalid-request","title":"Invalid request","status":400,
             "detail":"silver.paths[1].requirements[1]: unknown metric PROFIT (one of [REVENUE, ACTIVE_USAGE, DEPLOYED_SEATS, NEW_CUSTOMERS])","metric":"PROFIT"}""";

    public static final String UNKNOWN_CREDENTIAL = """
            {"type":"https://partnerhub.io/problems/unknown-credential","title":"Unknown certification or assessment","status":400,
             "detail":"certification azure-quantum-expert is not in the certification catalogue (yet); assessment caf-2 is not in the certification catalogue (yet)",
             "unknown":["azure-quantum-expert","assessment:caf-2"]}""";

    public static final String VERSION_DATE_TAKEN = """
            {"type":"https://partnerhub.io/problems/requirement-version-date-taken","title":"Another version takes effect that day","status":409,
             "detail":"Version 2027-05 of cloud-platform already takes effect on 2027-05-01","version":"2027-05"}""";

    public static final String STATUS = """
            {"organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","competencyId":"cloud-platform","level":"SILVER","path":1,\
            "atRisk":true,"reasons":["SILVER requirement not met (path 1): 1 of 2 individuals holding one of azure-administrator-associate, azure-solutions-architect-expert; counted: cand-7f3a"],\
            "reasonDetails":[{"kind":"REQUIREMENT_NOT_MET","level":"SILVER","path":1,\
            "requirement":"2 individuals holding one of azure-administrator-associate, azure-solutions-architect-expert",\
            "credentials":[{"id":"azure-administrator-associate","name":"Microsoft Certified: Azure Administrator Associate"},\
            {"id":"azure-solutions-architect-expert","name":"Microsoft Certified: Azure Solutions Architect Expert"}],\
            "people":["cand-7f3a"],"on":null,\
            "text":"SILVER requirement not met (path 1): 1 of 2 individuals holding one of azure-administrator-associate, azure-solutions-architect-expert; counted: cand-7f3a"}],\
            "attainedAt":"2026-12-01T11:20:05Z","validUntil":"2027-12-01T11:20:05Z","asOf":"2027-02-10T08:00:00Z","requirementVersion":"2026-10",\
            "requirements":[{"level":"SILVER","path":1,"description":"2 individuals holding one of azure-administrator-associate, azure-solutions-architect-expert",\
            "have":1,"need":2,"counted":["cand-7f3a"],"met":false,"kind":"SKILL",\
            "credentials":[{"id":"azure-administrator-associate","name":"Microsoft Certified: Azure Administrator Associate"},\
            {"id":"azure-solutions-architect-expert","name":"Microsoft Certified: Azure Solutions Architect Expert"}],"metric":null}]}""";

    public static final String HISTORY = """
            [{"change":"ATTAINED","level":"SILVER","atRisk":false,"reasons":[],"validUntil":"2027-12-01T11:20:05Z","occurredAt":"2026-12-01T11:20:05Z",\
            "causeEventId":"0b7e3c52-9d1a-4f6e-8b2c-3d4e5f6a7b8c","causeEventType":"io.partnerhub.certification.earned.v1","publishedEventId":"8c1f0e2d-3b4a-4c5d-9e6f-7a8b9c0d1e2f",\
            "requirements":[{"level":"SILVER","path":1,"description":"2 individuals holding one of azure-administrator-associate","have":2,"need":2,"counted":["cand-7f3a","cand-9b21"],"met":true}]},\
            {"change":"AT_RISK","level":"SILVER","atRisk":true,"reasons":["SILVER requirement not met (path 1): 1 of 2 individuals holding one of azure-administrator-associate, azure-solutions-architect-expert; counted: cand-7f3a"],\
            "validUntil":"2027-12-01T11:20:05Z","occurredAt":"2027-02-10T08:00:01Z","causeEventId":"1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a",\
            "causeEventType":"io.partnerhub.employee.left.v1","publishedEventId":"2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d",\
            "requirements":[{"level":"SILVER","path":1,"description":"2 individuals holding one of azure-administrator-associate","have":1,"need":2,"counted":["cand-7f3a"],"met":false}]}]""";

    public static final String ORGANIZATION_NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No organization with id 3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","resource":"organization","id":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d"}""";

    public static final String SIMULATION = """
            {"organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","departures":["cand-9b21"],
             "expiries":[{"candidateId":"cand-7f3a","certificationId":"azure-administrator-associate"}],
             "at":"2027-05-02T00:00:00Z","requirementVersion":{"competencyId":"cloud-platform","version":"2027-05"}}""";

    public static final String FORECAST = """
            [{"competencyId":"cloud-platform","level":"SILVER","on":"2027-04-10","cause":"holding expiry","candidates":["cand-9b21"],
              "keepsLevelIf":"cand-9b21 renews before 2027-04-10, or 1 more person certifies",
              "mustRenew":["cand-4f07","cand-9b21"],"requirementVersion":"2026-10","morePeople":1,
              "reasonDetails":[{"kind":"REQUIREMENT_NOT_MET","level":"SILVER","path":1,
               "requirement":"2 individuals holding one of azure-administrator-associate",
               "credentials":[{"id":"azure-administrator-associate","name":"Microsoft Certified: Azure Administrator Associate"}],
               "people":["cand-9b21"],"on":"2027-04-10",
               "text":"SILVER requirement not met on 2027-04-10 (path 1): 1 of 2 individuals holding one of azure-administrator-associate; stop counting: cand-9b21"}]},
             {"competencyId":"cloud-platform","level":"SILVER","on":"2027-04-11","cause":"holding expiry","candidates":["cand-4f07"],
              "keepsLevelIf":"cand-4f07 renews before 2027-04-11, or 1 more person certifies",
              "mustRenew":["cand-4f07","cand-9b21"],"requirementVersion":"2026-10","morePeople":1,"reasonDetails":[]},
             {"competencyId":"data-analytics","level":"SILVER","on":"2027-05-01","cause":"requirement version 2027-05 takes effect",
              "candidates":[],"keepsLevelIf":"the requirements of version 2027-05 are met by 2027-05-01: SILVER requirement not met             (path 1): 0 of ACTIVE_USAGE of at least 1000 (latest figure of the trailing 12 months)",
              "mustRenew":[],"requirementVersion":"2027-05","morePeople":0,"reasonDetails":[]}]""";
}
