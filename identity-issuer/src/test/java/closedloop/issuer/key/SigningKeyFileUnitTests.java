package closedloop.issuer.key;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyFileUnitTests {

    @TempDir
    Path folder;

    @Test
    void generatesAnRsa2048SigningKeyIntoAFileOnlyItsOwnerReads() throws Exception {
        Path file = folder.resolve("a").resolve("b").resolve("signing-key.json");

        RSAKey key = SigningKeyFile.loadOrCreate(file);

        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void readsTheSameKeyBackOnTheNextStart() {
        Path file = folder.resolve("signing-key.json");
        RSAKey written = SigningKeyFile.loadOrCreate(file);

        RSAKey read = SigningKeyFile.loadOrCreate(file);

        assertThat(read).isEqualTo(written);
        assertThat(read.getKeyID()).isEqualTo(written.getKeyID());
    }

    @Test
    void refusesAFileWithoutAPrivateKeyRatherThanReplacingIt() throws Exception {
        Path file = folder.resolve("signing-key.json");
        String publicOnly = SigningKeyFile.loadOrCreate(folder.resolve("other.json")).toPublicJWK().toJSONString();
        Files.writeString(file, publicOnly);

        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file)).hasMessageContaining("no private RSA key");
        assertThat(Files.readString(file)).isEqualTo(publicOnly);
    }

    @Test
    void refusesAFileThatIsNoJsonWebKey() throws Exception {
        Path file = folder.resolve("signing-key.json");
        Files.writeString(file, "not a key");

        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file)).hasMessageContaining("not a JSON Web Key");
    }
}
