package io.partnerhub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A candidate who knows the demo banks: every demo question asks "What is a + b?" (or -, x), so the submission
 * answers each with the option whose text is the result (a renewal assessment that passes, as most do).
 */
final class Answers {

    private static final Pattern SUM = Pattern.compile("(\\d+)\\s*([-+x×*])\\s*(\\d+)");

    private Answers() {
    }

    /** The body of POST /assessment-attempts/{id}/submission for the questions of an attempt (its JSON). */
    static String submission(String questionsJson) {
        try {
            List<Map<String, Object>> answers = new ArrayList<>();
            for (JsonNode question : Api.JSON.readTree(questionsJson)) {
                String wanted = solve(question.path("text").asText());
                JsonNode options = question.path("options");
                String chosen = options.path(0).path("id").asText();
                for (JsonNode option : options) {
                    if (option.path("text").asText().strip().equals(wanted)) {
                        chosen = option.path("id").asText();
                    }
                }
                answers.add(Map.of("number", question.path("number").asInt(), "optionIds", List.of(chosen)));
            }
            return Api.JSON.writeValueAsString(Map.of("answers", answers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable questions: " + questionsJson, e);
        }
    }

    static String solve(String text) {
        Matcher m = SUM.matcher(text);
        if (!m.find()) {
            return "";
        }
        long a = Long.parseLong(m.group(1));
        long b = Long.parseLong(m.group(3));
        return Long.toString(switch (m.group(2)) {
            case "+" -> a + b;
            case "-" -> a - b;
            default -> a * b;
        });
    }
}
