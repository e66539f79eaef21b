package closedloop.router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The integration tests' branch directory file: a copy of the demo directory, so that a test can edit and reload it. */
final class TestDirectory {

    static final Path FILE = Path.of("target/router-it-branch-directory.json");

    private TestDirectory() {
    }

    static void restore() {
        try (InputStream demo = TestDirectory.class.getResourceAsStream("/branch-directory.json")) {
            Files.createDirectories(FILE.getParent());
            Files.copy(demo, FILE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String demo() {
        try (InputStream demo = TestDirectory.class.getResourceAsStream("/branch-directory.json")) {
            return new String(demo.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
