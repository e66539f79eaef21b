package closedloop.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.util.Base64;

/**
 * The tokens of each {@link Credential}, made from one real access token: the token itself, the token with one byte
 * of its signature changed, and its header and claims signed by a freshly generated key.
 */
final class Tokens {

    private final String valid;
    private final String tampered;
    private final String unknownKey;

    private Tokens(String valid, String tampered, String unknownKey) {
        this.valid = valid;
        this.tampered = tampered;
        this.unknownKey = unknownKey;
    }

    static Tokens from(String valid) {
        return new Tokens(valid, withAlteredSignature(valid), signedByAnotherKey(valid));
    }

    /** The token to send, or null for {@link Credential#NONE}. */
    String of(Credential credential) {
        return switch (credential) {
            case VALID -> valid;
            case TAMPERED -> tampered;
            case UNKNOWN_KEY -> unknownKey;
            case NONE -> null;
        };
    }

    /** The same header and claims; the middle byte of the signature flipped, so that it no longer verifies. */
    static String withAlteredSignature(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a signed JWT: " + parts.length + " parts");
        }
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x5a;
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** The same claims, signed RS256 by a new 2048-bit key whose key id (its thumbprint) the issuer never published. */
    static String signedByAnotherKey(String jwt) {
        try {
            SignedJWT original = SignedJWT.parse(jwt);
            RSAKey other = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(),
                    original.getJWTClaimsSet());
            forged.sign(new RSASSASigner(other));
            return forged.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalArgumentException("Cannot re-sign the token", e);
        }
    }
}
