package io.partnerhub.competency.designation;

/** OpenAPI examples of the designation endpoints. */
final class DesignationExamples {

    private DesignationExamples() {
    }

    static final String VERSION = """
            {"version":"2026-10","effectiveFrom":"2026-10-01",
             "metrics":[{"id":"net-customer-adds","name":"Net customer adds","category":"PERFORMANCE","unit":"CUSTOMERS","figure":"new-customers","kind":"FLOW","growth":false,"maxPoints":15,"threshold":3},
              {"id":"intermediate-certifications","name":"Intermediate certifications","category":"SKILLING","unit":"PEOPLE","figure":"intermediate-certified","kind":"STOCK","growth":false,"maxPoints":20,"threshold":2},
              {"id":"advanced-certifications","name":"Advanced certifications","category":"SKILLING","unit":"PEOPLE","figure":"advanced-certified","kind":"STOCK","growth":false,"maxPoints":15,"threshold":1},
              {"id":"usage-growth","name":"Usage growth","category":"CUSTOMER_SUCCESS","unit":"PERCENT","figure":"active-usage","kind":"STOCK","growth":true,"maxPoints":30,"threshold":20},
              {"id":"deployments","name":"Deployments","category":"CUSTOMER_SUCCESS","unit":"SEATS","figure":"deployed-seats","kind":"STOCK","growth":false,"maxPoints":20,"threshold":200}],
             "tracks":[{"name":"ENTERPRISE","when":{"figure":"deployed-seats","kind":"STOCK","growth":false},"atLeast":1000,"thresholds":{"deployments":2000}},{"name":"SMB","thresholds":{}}],
             "certifications":["azure-administrator-associate","azure-solutions-architect-expert","azure-network-engineer-specialty"],
             "specialisations":[{"id":"infra-azure-networking","name":"Networking Services in Microsoft Azure","certifications":["azure-network-engineer-specialty"],"people":1}]}""";

    static final String AREA = """
            {"id":"infra-azure","name":"Infrastructure (Azure)","replaces":["cloud-platform"],"today":"2026-12-07",
             "inEffect":""" + VERSION + ",\"upcoming\":[]}";

    static final String DEFINE_AREA = """
            {"id":"infra-azure","name":"Infrastructure (Azure)","replaces":["cloud-platform"]}""";

    static final String STATUS = """
            {"organizationId":"7c0e6c4e-3f7a-4d7e-9a53-0d2f6f1f9b11","solutionAreaId":"infra-azure","solutionAreaName":"Infrastructure (Azure)",
             "state":"AT_RISK","held":true,"track":"SMB","score":62.5,"qualifiesToday":false,"scoreVersion":"2026-10","lastEvaluated":"2026-12-07",
             "metrics":[{"metricId":"net-customer-adds","name":"Net customer adds","category":"PERFORMANCE","unit":"CUSTOMERS","have":4,"threshold":3,"points":15.0,"maxPoints":15},
              {"metricId":"intermediate-certifications","name":"Intermediate certifications","category":"SKILLING","unit":"PEOPLE","have":1,"threshold":2,"points":10.0,"maxPoints":20},
              {"metricId":"advanced-certifications","name":"Advanced certifications","category":"SKILLING","unit":"PEOPLE","have":1,"threshold":1,"points":15.0,"maxPoints":15},
              {"metricId":"usage-growth","name":"Usage growth","category":"CUSTOMER_SUCCESS","unit":"PERCENT","have":5.0,"threshold":20,"points":7.5,"maxPoints":30},
              {"metricId":"deployments","name":"Deployments","category":"CUSTOMER_SUCCESS","unit":"SEATS","have":300,"threshold":200,"points":20.0,"maxPoints":20}],
             "window":{"from":"2026-07-01","to":"2026-12-07","qualifyingDays":["2026-11-20","2026-11-21"],"nextDrop":"2027-01-01","holdsUntil":"2027-04-30"},
             "toQualify":{"perMetric":[{"metricId":"net-customer-adds","toThreshold":0,"toNextPoint":null},
               {"metricId":"intermediate-certifications","toThreshold":1,"toNextPoint":1},
               {"metricId":"advanced-certifications","toThreshold":0,"toNextPoint":null},
               {"metricId":"usage-growth","toThreshold":15.0,"toNextPoint":0.2},
               {"metricId":"deployments","toThreshold":0,"toNextPoint":null}],
              "plan":[{"metricId":"intermediate-certifications","add":1,"pointsAfter":20.0}]},
             "specialisations":[{"id":"infra-azure-networking","name":"Networking Services in Microsoft Azure","state":"KEPT","have":1,"need":1}]}""";

    static final String AREA_NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Not found","status":404,
             "detail":"solution area no-such-area not found"}""";

    static final String INVALID_VERSION = """
            {"type":"https://partnerhub.io/problems/invalid-score-version","title":"Invalid score version","status":400,
             "detail":"the metrics' max points add up to 90, not 100"}""";

    static final String VERSION_TAKEN = """
            {"type":"https://partnerhub.io/problems/score-version-exists","title":"Score version exists","status":409,
             "detail":"infra-azure already has version 2026-10 or a version effective 2026-10-01"}""";
}
