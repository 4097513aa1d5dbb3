package io.partnerhub.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The rendered objects of one kustomization, as JSON trees. */
final class Manifests {

    /** deploy/k8s (surefire sets it; the module directory otherwise). */
    static final Path DIR = Paths.get(System.getProperty("partnerhub.k8s.dir", ".")).toAbsolutePath().normalize();
    static final Path REPO_ROOT = DIR.resolve("../..").normalize();

    private static final YAMLMapper YAML = new YAMLMapper();

    private Manifests() {
    }

    static List<String> overlayNames() {
        try (Stream<Path> dirs = Files.list(DIR.resolve("overlays"))) {
            return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> render(Kustomize kustomize, Path kustomization) {
        return parse(kustomize.build(kustomization));
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static Stream<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }
}
