package io.partnerhub.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads a JSON or YAML document (by its file name) into a Jackson tree. */
public final class Trees {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Trees() {
    }

    public static JsonNode read(Path document) {
        try {
            String name = document.getFileName().toString();
            return (name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON).readTree(document.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document, e);
        }
    }

    public static String text(Path document) {
        try {
            return Files.readString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document, e);
        }
    }

    public static JsonNode parseJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
