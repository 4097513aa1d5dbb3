package io.partnerhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway as the setup and the probes use it (plain JDK HttpClient, outside Gatling's figures), and demo tokens
 * minted the way deploy/devstack's {@code Tokens} does (RS256 with the devstack's demo key, {@code .devstack/keys/private.pem}):
 * {@code iss=partnerhub-devstack, aud=partnerhub, groups=[role]} plus the persona's claims.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    final String gateway;
    private final PrivateKey key;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Api(String gatewayUrl, Path privateKeyPem) {
        this.gateway = gatewayUrl.replaceAll("/+$", "");
        this.key = readKey(privateKeyPem);
    }

    /** An answer: status and body (JSON when there is one). */
    record Answer(int status, JsonNode body, String text) {
        Answer expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + text);
        }

        String get(String field) {
            return body.path(field).asText();
        }
    }

    Answer call(String method, String url, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : gateway + "/api" + url))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text.isBlank() || !(text.startsWith("{") || text.startsWith("[")) ? JSON.nullNode() : JSON.readTree(text);
            return new Answer(response.statusCode(), json, text);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, String token) {
        return call("GET", path, token, null);
    }

    Answer post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    // ---- tokens ------------------------------------------------------------------------------------------------

    String ops() {
        return token("ops", Map.of());
    }

    String admin(String org) {
        return token("partner-admin", Map.of("org", org));
    }

    String employee(String org, String candidate) {
        return token("employee", Map.of("org", org, "candidate", candidate));
    }

    String provider() {
        return token("exam-provider", Map.of("provider", "PEARSON_VUE"));
    }

    String reporter() {
        return token("reporter", Map.of("source", "bench-crm"));
    }

    /** A token of one persona, valid for 12 h (the services' maximum token age). */
    String token(String role, Map<String, String> claims) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", "partnerhub-devstack");
        payload.put("aud", "partnerhub");
        String subject = claims.containsKey("candidate") ? "candidate-" + claims.get("candidate") + "@partnerhub.local"
                : role + "." + claims.getOrDefault("org", claims.getOrDefault("provider", "bench")) + "@partnerhub.local";
        payload.put("sub", subject);
        payload.put("upn", subject);
        payload.put("groups", List.of(role));
        payload.putAll(claims);
        long now = Instant.now().getEpochSecond();
        payload.put("iat", now);
        payload.put("exp", now + 12 * 3600);
        payload.put("jti", UUID.randomUUID().toString());
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signed = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(payload));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static PrivateKey readKey(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the devstack's demo key " + pem
                    + " (start deploy/run once, or pass -Dday.keys=DIR)", e);
        }
    }
}
