package closedloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code kubectl kustomize}, which renders a folder of {@code k8s/} the way {@code kubectl apply -k} would apply it,
 * without a cluster; and what it rendered, by kind and name.
 */
final class Kustomize {

    private Kustomize() {
    }

    /** Whether kubectl is on the PATH ({@code .ci/run} asserts it is, so that CI always renders the overlays). */
    static boolean installed() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, "kubectl")));
    }

    /** The manifests a folder renders to, e.g. {@code k8s/overlays/production}; fails with kubectl's complaint. */
    static Manifests render(String folder) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", RepositoryFiles.path(folder).toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> text(kubectl.getErrorStream()));
            String output = text(kubectl.getInputStream());
            if (!kubectl.waitFor(2, TimeUnit.MINUTES)) {
                kubectl.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + folder + " did not finish in 2 minutes");
            }
            if (kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + folder + " failed: " + errors.join());
            }
            return new Manifests(RepositoryFiles.yamlDocuments(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rendered documents of one folder. */
    record Manifests(List<JsonNode> documents) {

        List<JsonNode> ofKind(String kind) {
            return documents.stream().filter(document -> document.path("kind").asText().equals(kind)).toList();
        }

        JsonNode get(String kind, String name) {
            return ofKind(kind).stream()
                    .filter(document -> document.path("metadata").path("name").asText().equals(name))
                    .findFirst().orElseThrow(() -> new NoSuchElementException("no " + kind + " " + name));
        }

        /** The pod template's one container of a Deployment. */
        JsonNode container(String deployment) {
            return get("Deployment", deployment).path("spec").path("template").path("spec").path("containers").get(0);
        }
    }
}
