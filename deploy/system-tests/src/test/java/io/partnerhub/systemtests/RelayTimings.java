package io.partnerhub.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the two outbox relays of the chain spend a pass a commit woke (issue #25): the cumulative
 * {@code partnerhub_outbox_relay_pass_seconds{stage}} timers of exam-service and certification-service, read from their
 * {@code /q/metrics} before and after the measured results, so that the means cover the measured window (the timers
 * give count and sum; a percentile would need histograms).
 */
record RelayTimings(Map<String, double[]> stages) {

    static final List<String> SERVICES = List.of("exam-service", "certification-service");
    static final List<String> STAGES = List.of("wake", "select", "send", "mark");
    private static final Pattern LINE = Pattern.compile(
            "^partnerhub_outbox_relay_pass_seconds_(count|sum)\\{[^}]*stage=\"(\\w+)\"[^}]*\\}\\s+(\\S+)$", Pattern.MULTILINE);

    /** The timers of each service now (an empty map for a service that does not answer). */
    static Map<String, RelayTimings> scrape() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, RelayTimings> timings = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Map<String, double[]> stages = new LinkedHashMap<>();
            try {
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                        URI.create(RunningSuite.service(service).baseUrl() + "/q/metrics")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher m = LINE.matcher(metrics.body());
                while (m.find()) {
                    double[] countAndSum = stages.computeIfAbsent(m.group(2), s -> new double[2]);
                    countAndSum[m.group(1).equals("count") ? 0 : 1] += Double.parseDouble(m.group(3));
                }
            } catch (Exception e) {
                // printed as "not available"
            }
            timings.put(service, new RelayTimings(stages));
        }
        return timings;
    }

    /** Mean of each stage over the window between {@code before} and {@code after}, per service. */
    static String table(Map<String, RelayTimings> before, Map<String, RelayTimings> after) {
        StringBuilder out = new StringBuilder();
        out.append("--- outbox relay passes woken by a commit, measured window (partnerhub_outbox_relay_pass_seconds) --\n");
        out.append(String.format(Locale.ROOT, "  %-24s %7s %10s %10s %10s %10s%n", "relay", "passes", "wake", "select", "send",
                "mark (ms, means)"));
        for (String service : SERVICES) {
            Map<String, double[]> b = before.getOrDefault(service, new RelayTimings(Map.of())).stages();
            Map<String, double[]> a = after.getOrDefault(service, new RelayTimings(Map.of())).stages();
            if (a.isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %-24s not available%n", service));
                continue;
            }
            StringBuilder means = new StringBuilder();
            double passes = 0;
            for (String stage : STAGES) {
                double[] x = a.getOrDefault(stage, new double[2]);
                double[] y = b.getOrDefault(stage, new double[2]);
                double count = x[0] - y[0];
                passes = Math.max(passes, count);
                means.append(String.format(Locale.ROOT, " %10.2f", count <= 0 ? 0 : (x[1] - y[1]) / count * 1e3));
            }
            out.append(String.format(Locale.ROOT, "  %-24s %7.0f%s%n", service, passes, means));
        }
        out.append("  wake: commit -> the pass begins on the relay thread; select: lock + rows, one round trip; send: until\n"
                + "  Kafka acknowledged every row (acks=all); mark: rows marked sent + commit (after the send: not in the chain;\n"
                + "  a pass that carries on for rows committed meanwhile marks and locks the next ones in one round trip)\n");
        out.append("====================================================================================\n");
        return out.toString();
    }
}
