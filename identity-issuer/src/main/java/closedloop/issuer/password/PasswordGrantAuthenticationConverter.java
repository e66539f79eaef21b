package closedloop.issuer.password;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a token request of the password grant ({@code grant_type=password&username=…&password=…[&scope=…]}) into a
 * {@link PasswordGrantAuthenticationToken}; any other request is left to the token endpoint's other converters.
 */
public class PasswordGrantAuthenticationConverter implements AuthenticationConverter {

    private static final List<String> READ = List.of(OAuth2ParameterNames.GRANT_TYPE, OAuth2ParameterNames.CLIENT_ID,
            OAuth2ParameterNames.USERNAME, OAuth2ParameterNames.PASSWORD, OAuth2ParameterNames.SCOPE);

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!PasswordGrantRequests.isPasswordGrant(request)) {
            return null;
        }
        MultiValueMap<String, String> parameters = PasswordGrantRequests.formParameters(request);
        String username = PasswordGrantRequests.required(parameters, OAuth2ParameterNames.USERNAME);
        String password = PasswordGrantRequests.required(parameters, OAuth2ParameterNames.PASSWORD);
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        return new PasswordGrantAuthenticationToken(username, password, scopes(parameters), client,
                additionalParameters(parameters));
    }

    private static Set<String> scopes(MultiValueMap<String, String> parameters) {
        List<String> values = parameters.get(OAuth2ParameterNames.SCOPE);
        if (values == null) {
            return Set.of();
        }
        if (values.size() != 1) {
            throw PasswordGrantRequests.invalidRequest(OAuth2ParameterNames.SCOPE);
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : values.get(0).split(" ")) {
            if (StringUtils.hasText(scope)) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    private static Map<String, Object> additionalParameters(MultiValueMap<String, String> parameters) {
        Map<String, Object> additional = new HashMap<>();
        parameters.forEach((name, values) -> {
            if (!READ.contains(name)) {
                additional.put(name, values.size() == 1 ? values.get(0) : values.toArray(String[]::new));
            }
        });
        return additional;
    }
}
