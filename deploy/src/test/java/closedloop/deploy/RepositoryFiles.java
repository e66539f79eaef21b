package closedloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's files as the tests read them: Maven runs them in the {@code deploy} folder, one below the root. */
final class RepositoryFiles {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final YAMLFactory YAML_FACTORY = new YAMLFactory();
    private static final ObjectMapper YAML = new ObjectMapper(YAML_FACTORY);

    private RepositoryFiles() {
    }

    /** A file by its path from the repository's root, e.g. {@code docker-compose.yml}. */
    static Path path(String fromRoot) {
        return ROOT.resolve(fromRoot);
    }

    /** A YAML file of one document. */
    static JsonNode yaml(Path file) {
        try {
            JsonNode document = YAML.readTree(file.toFile());
            return document == null ? MissingNode.getInstance() : document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML stream, e.g. what {@code kubectl kustomize} prints; empty documents left out. */
    static List<JsonNode> yamlDocuments(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = YAML_FACTORY.createParser(text)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
