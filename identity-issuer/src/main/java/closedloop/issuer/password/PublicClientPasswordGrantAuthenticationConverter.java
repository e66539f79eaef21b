package closedloop.issuer.password;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.MultiValueMap;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the client of a password grant request from a public client: only its {@code client_id}, no secret. Spring
 * Authorization Server accepts a public client only with PKCE (the authorization code flow), so the token endpoint's
 * client authentication needs this converter (and {@link PublicClientPasswordGrantAuthenticationProvider}) for the
 * command line's one-request token. A request with an {@code Authorization} header, a secret or an assertion is left
 * to the built-in converters.
 */
public class PublicClientPasswordGrantAuthenticationConverter implements AuthenticationConverter {

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!PasswordGrantRequests.isPasswordGrant(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        MultiValueMap<String, String> parameters = PasswordGrantRequests.formParameters(request);
        if (!parameters.containsKey(OAuth2ParameterNames.CLIENT_ID)
                || parameters.containsKey(OAuth2ParameterNames.CLIENT_SECRET)
                || parameters.containsKey(OAuth2ParameterNames.CLIENT_ASSERTION)) {
            return null;
        }
        String clientId = PasswordGrantRequests.required(parameters, OAuth2ParameterNames.CLIENT_ID);
        Map<String, Object> additional = new HashMap<>();
        additional.put(OAuth2ParameterNames.GRANT_TYPE, PasswordGrant.TYPE.getValue());
        return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null, additional);
    }
}
