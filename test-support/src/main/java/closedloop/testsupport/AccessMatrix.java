package closedloop.testsupport;

import closedloop.platform.security.AccessRule;
import closedloop.platform.security.AccessRules;
import closedloop.platform.security.ProblemResponses;
import closedloop.platform.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Walks every endpoint a service's application maps against every role, over HTTP with real tokens, and writes down
 * what the service answered as a Markdown table: {@code yes} when the security layer let the call through (the
 * service may still answer 400 or 404 for the probe's made-up ids, or 401 with a challenge of its own, as the signed
 * SMS webhook does), {@code 403} when it refused the role, {@code 401} (a Bearer challenge) without a token. Also
 * lists the endpoints that have no rule or more than one, and the rules that name no endpoint.
 */
public final class AccessMatrix {

    /** The branch of the probing dispatcher. */
    static final String PROBE_BRANCH = "LIXIA-01";
    private static final String NO_TOKEN = "no token";
    private static final String SPRINGDOC = "org.springdoc";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private AccessMatrix() {
    }

    /**
     * The table {@code docs/access/<service>.md} promises (its lines that start with {@code |}); the probed table is
     * written to {@code target/access-matrix.md} when it differs, to compare and, once reviewed, to copy.
     */
    public static String documented(String service, String probed) {
        try {
            Path doc = Path.of("..", "docs", "access", service + ".md");
            String table = !Files.exists(doc) ? "" : Files.readAllLines(doc).stream().filter(line -> line.startsWith("|"))
                    .map(line -> line + "\n").collect(Collectors.joining());
            if (!table.equals(probed)) {
                Files.writeString(Path.of("target", "access-matrix.md"), probed);
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The endpoints the application maps, as {@code METHOD pattern}, sorted by pattern then method; but the API
     * description's own ({@code /v3/api-docs}, springdoc's), which the platform opens to everyone.
     */
    public static List<String> endpoints(ApplicationContext context) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        List<String> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
            if (handler.getValue().getBeanType().getPackageName().startsWith(SPRINGDOC)) {
                continue;
            }
            RequestMappingInfo info = handler.getKey();
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                info.getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.add(method.name() + " " + pattern.getPatternString()));
            }
        }
        endpoints.sort(Comparator.comparing((String endpoint) -> endpoint.substring(endpoint.indexOf(' ') + 1))
                .thenComparing(endpoint -> endpoint));
        return endpoints;
    }

    /**
     * What is wrong with the rules for these endpoints: an endpoint without a rule or with several, a rule for no
     * endpoint. Empty when every endpoint has exactly one rule.
     */
    public static List<String> ruleProblems(List<String> endpoints, AccessRules rules) {
        Map<String, Long> ruled = rules.rules().stream()
                .collect(Collectors.groupingBy(AccessRule::endpoint, TreeMap::new, Collectors.counting()));
        List<String> problems = new ArrayList<>();
        endpoints.stream().filter(endpoint -> !ruled.containsKey(endpoint))
                .forEach(endpoint -> problems.add("no rule for " + endpoint));
        ruled.forEach((endpoint, count) -> {
            if (count > 1) {
                problems.add(count + " rules for " + endpoint);
            }
            if (!endpoints.contains(endpoint)) {
                problems.add("a rule for " + endpoint + ", which the service does not map");
            }
        });
        return problems;
    }

    /**
     * The table of what each role (and a caller without a token) is answered on each endpoint of the service at
     * {@code baseUrl}.
     */
    public static String probe(List<String> endpoints, String baseUrl) {
        WebTestClient client = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(PATIENCE).build();
        StringBuilder table = new StringBuilder("| endpoint | ")
                .append(Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(" | ")))
                .append(" | ").append(NO_TOKEN).append(" |\n|---|")
                .append("---|".repeat(Role.values().length + 1)).append('\n');
        for (String endpoint : endpoints) {
            table.append("| `").append(endpoint).append("` |");
            for (Role role : Role.values()) {
                table.append(' ').append(answer(client, endpoint, Optional.of(role))).append(" |");
            }
            table.append(' ').append(answer(client, endpoint, Optional.empty())).append(" |\n");
        }
        return table.toString();
    }

    private static String answer(WebTestClient client, String endpoint, Optional<Role> role) {
        HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "probe");
        WebTestClient.RequestBodySpec request = client.method(method).uri(path);
        role.ifPresent(r -> request.headers(TestIssuer.as("probe." + r.name().toLowerCase(Locale.ROOT), List.of(r),
                PROBE_BRANCH)));
        WebTestClient.RequestHeadersSpec<?> sent = method == HttpMethod.GET
                ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        FluxExchangeResult<String> result = sent.exchange().returnResult(String.class);
        HttpStatusCode status = result.getStatus();
        if (status.value() == 401) {
            // a Bearer challenge is the security layer's; another (the SMS webhook's signature) is the endpoint's own
            String challenge = result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
            return challenge != null && challenge.startsWith("Bearer") ? "401" : "yes";
        }
        if (status.value() == 403) {
            String body = String.join("", result.getResponseBody().collectList().block(PATIENCE));
            return body.contains(ProblemResponses.ROLE_REFUSED) ? "403" : "yes";
        }
        result.getResponseBody().subscribe().dispose();
        return "yes";
    }
}
