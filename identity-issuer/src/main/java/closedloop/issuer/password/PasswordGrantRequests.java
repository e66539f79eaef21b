package closedloop.issuer.password;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading a token request of the password grant: its form parameters only, never the query string. */
final class PasswordGrantRequests {

    private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

    private PasswordGrantRequests() {
    }

    /** Whether the request asks for the password grant. */
    static boolean isPasswordGrant(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && PasswordGrant.TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
    }

    /** The parameters in the request's body (a parameter named in the query string is left out). */
    static MultiValueMap<String, String> formParameters(HttpServletRequest request) {
        Set<String> inQuery = queryParameterNames(request.getQueryString());
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!inQuery.contains(name)) {
                parameters.addAll(name, Arrays.asList(values));
            }
        });
        return parameters;
    }

    /** The one value of a required parameter, or an {@code invalid_request} naming it. */
    static String required(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.size() != 1 || !StringUtils.hasText(values.get(0))) {
            throw invalidRequest(name);
        }
        return values.get(0);
    }

    /** An {@code invalid_request} error naming the parameter at fault. */
    static OAuth2AuthenticationException invalidRequest(String parameter) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                "OAuth 2.0 Parameter: " + parameter, ERROR_URI));
    }

    private static Set<String> queryParameterNames(String query) {
        if (!StringUtils.hasText(query)) {
            return Set.of();
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2)[0])
                .map(name -> URLDecoder.decode(name, StandardCharsets.UTF_8))
                .collect(Collectors.toSet());
    }
}
