package closedloop.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokensUnitTests {

    @Test
    void altersOnlyTheSignatureSoThatItNoLongerVerifiesUnderTheSameKeyId() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        String token = signed(key);

        String tampered = Tokens.withAlteredSignature(token);

        assertThat(tampered).isNotEqualTo(token).hasSameSizeAs(token);
        assertThat(tampered.substring(0, tampered.lastIndexOf('.')))
                .isEqualTo(token.substring(0, token.lastIndexOf('.')));
        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(key))).isTrue();
        assertThat(SignedJWT.parse(tampered).verify(new RSASSAVerifier(key))).isFalse();
        assertThat(SignedJWT.parse(tampered).getHeader().getKeyID()).isEqualTo(key.getKeyID());
    }

    @Test
    void signsTheSameClaimsWithAnotherKeyUnderAnotherKeyId() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        String token = signed(key);

        SignedJWT forged = SignedJWT.parse(Tokens.signedByAnotherKey(token));

        assertThat(forged.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(forged.getHeader().getKeyID()).isNotBlank().isNotEqualTo(key.getKeyID());
        assertThat(forged.getJWTClaimsSet().toJSONObject()).isEqualTo(SignedJWT.parse(token).getJWTClaimsSet()
                .toJSONObject());
        assertThat(forged.verify(new RSASSAVerifier(key))).isFalse();
    }

    @Test
    void givesEachCredentialItsTokenAndNoneForNoToken() throws Exception {
        String token = signed(new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate());

        Tokens tokens = Tokens.from(token);

        assertThat(tokens.of(Credential.VALID)).isEqualTo(token);
        assertThat(tokens.of(Credential.TAMPERED)).isNotEqualTo(token);
        assertThat(tokens.of(Credential.UNKNOWN_KEY)).isNotEqualTo(token).isNotEqualTo(tokens.of(Credential.TAMPERED));
        assertThat(tokens.of(Credential.NONE)).isNull();
    }

    private static String signed(RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer("http://127.0.0.1:9000").subject("agent-017")
                        .audience("closedloop").claim("preferred_username", "agent-017")
                        .claim("roles", List.of("AGENT")).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
