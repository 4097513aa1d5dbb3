package io.partnerhub.certification.delivery;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.partnerhub.devstack.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Question banks for the tests, as ops build them through the API: arithmetic questions ("What is 7 + 5?") whose
 * right option a test computes from the text, the way a candidate who knows the subject would. The candidate never
 * sees which option is correct.
 */
final class Banks {

    static final Pattern SUM = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");

    private Banks() {
    }

    /** One SINGLE question "What is a + b?" of the skill area: the sum and three wrong sums. */
    static Map<String, Object> question(String skillArea, int a, int b) {
        int sum = a + b;
        return Map.of("skillArea", skillArea, "kind", "SINGLE", "text", "[" + skillArea + "] What is " + a + " + " + b + "?",
                "options", List.of(Map.of("text", String.valueOf(sum + 1), "correct", false),
                        Map.of("text", String.valueOf(sum), "correct", true),
                        Map.of("text", String.valueOf(sum - 1), "correct", false),
                        Map.of("text", String.valueOf(sum + 10), "correct", false)),
                "explanation", "EXPLANATION-" + a + "-plus-" + b);
    }

    /** Imports {@code perArea} questions into each skill area of the bank at {@code questionsPath}. */
    static void fill(String questionsPath, int perArea, String... skillAreas) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String area : skillAreas) {
            for (int i = 0; i < perArea; i++) {
                rows.add(question(area, i + 2, 3 * i + 1));
            }
        }
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(rows)
                .when().post(questionsPath + "/import").then().statusCode(200);
    }

    /** A blueprint of {@code questions} questions, {@code minutes} minutes, pass at 60 %, the skill areas sharing equally. */
    static Response blueprint(String blueprintPath, int questions, int minutes, String... skillAreas) {
        List<Map<String, Object>> areas = new ArrayList<>();
        for (String area : skillAreas) {
            areas.add(Map.of("id", area, "name", "Skill " + area, "share", 100 / skillAreas.length));
        }
        return given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("questionCount", questions, "timeLimitMinutes", minutes, "passMarkPercent", 60, "skillAreas", areas))
                .when().put(blueprintPath);
    }

    /** The option of a drawn question (an attempt view's question) that answers it right, or a wrong one. */
    static String option(Map<String, Object> question, boolean right) {
        Matcher m = SUM.matcher((String) question.get("text"));
        if (!m.find()) {
            throw new IllegalStateException("not a test question: " + question.get("text"));
        }
        String sum = String.valueOf(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> options = (List<Map<String, Object>>) question.get("options");
        return options.stream().filter(o -> sum.equals(o.get("text")) == right).map(o -> (String) o.get("id")).findFirst().orElseThrow();
    }

    /** Answers for every question of the attempt: the first {@code rightOnes} right, the rest wrong. */
    static List<Map<String, Object>> answers(Response attempt, int rightOnes) {
        List<Map<String, Object>> questions = attempt.path("questions");
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Map<String, Object> q : questions) {
            int number = (Integer) q.get("number");
            answers.add(Map.of("number", number, "optionIds", List.of(option(q, number <= rightOnes))));
        }
        return answers;
    }
}
