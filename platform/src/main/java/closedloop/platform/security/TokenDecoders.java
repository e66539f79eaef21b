package closedloop.platform.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The services' access-token decoder: what Boot would build from {@code spring.security.oauth2.resourceserver.jwt.*}
 * (an RS256 signature by a key of the issuer's key set, {@code iss}, {@code exp}/{@code nbf}, one of the audiences),
 * except that the keys come from {@link IssuerKeys}: cached, and fetched again at a limited rate however many unknown
 * key ids callers send.
 */
public final class TokenDecoders {

    private TokenDecoders() {
    }

    /** A decoder of the tokens this issuer signs with the keys it publishes at {@code jwkSetUri}. */
    public static NimbusReactiveJwtDecoder forIssuer(String issuerUri, String jwkSetUri, List<String> audiences) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(new IssuerKeys(url(jwkSetUri)))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(issuerUri == null ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(issuerUri));
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && !Collections.disjoint(aud, audiences)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static URL url(String jwkSetUri) {
        if (jwkSetUri == null) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jwk-set-uri is not set");
        }
        try {
            return URI.create(jwkSetUri).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("jwk-set-uri is no URL: " + jwkSetUri, e);
        }
    }
}
