package closedloop.issuer.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The issuer's RSA signing key (2048 bits, RS256), kept as a JSON Web Key in a file so that the tokens it signed stay
 * valid across restarts: read when the file exists, otherwise generated and written, readable by its owner only where
 * the file system has POSIX permissions. Its key id is the key's thumbprint (RFC 7638), so it names the same key on
 * every start. A file that exists but holds no private RSA key stops the start rather than being replaced, which would
 * silently invalidate every token in circulation.
 */
public final class SigningKeyFile {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);

    private SigningKeyFile() {
    }

    /** The key in this file, generated and written first when the file does not exist. */
    public static RSAKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        RSAKey key = generate();
        try {
            write(file, key);
            log.info("Generated the issuer's signing key {} in {}", key.getKeyID(), file.toAbsolutePath());
            return key;
        } catch (FileAlreadyExistsException e) {
            return read(file);   // another start wrote it meanwhile: use theirs
        }
    }

    private static RSAKey read(Path file) {
        try {
            JWK jwk = JWK.parse(Files.readString(file));
            if (!(jwk instanceof RSAKey key) || !key.isPrivate()) {
                throw new IllegalStateException("The issuer's key file " + file + " holds no private RSA key");
            }
            log.info("Read the issuer's signing key {} from {}", key.getKeyID(), file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the issuer's key file " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The issuer's key file " + file + " is not a JSON Web Key", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the issuer's signing key", e);
        }
    }

    /** Writes a temporary file beside the target, then renames it, so that a crash never leaves half a key. */
    private static void write(Path file, RSAKey key) throws FileAlreadyExistsException {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            Path written = Files.createTempFile(folder, ".signing-key", ".tmp", ownerOnly(folder));
            try {
                Files.writeString(written, key.toJSONString());
                Files.move(written, file);
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the issuer's key file " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
