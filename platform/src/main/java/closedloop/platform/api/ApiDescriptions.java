package closedloop.platform.api;

import closedloop.platform.security.AccessRule;
import closedloop.platform.security.AccessRules;
import closedloop.platform.security.Actor;
import closedloop.platform.security.Caller;
import closedloop.platform.security.Role;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one rule for every service's OpenAPI description (springdoc, at {@code /v3/api-docs}, readable without a
 * token): the service's name and version, the server it was read from, the bearer-token scheme as a global
 * requirement, and on each operation the application/problem+json answers the platform really gives it, with the
 * roles its {@link AccessRules} allow:
 *
 * <ul>
 *     <li>400 on every operation: a bad body, parameter or header names each bad field ({@code errors}), and query
 *     parameters out of bounds are refused before anything else ({@code RequestBounds});</li>
 *     <li>401 and 403 on every operation that needs a token: no token or one not accepted, and a role its rule does
 *     not allow (an endpoint without a rule answers 403 to everyone);</li>
 *     <li>404 on an operation with a path variable: no such thing, or not one of the caller's;</li>
 *     <li>409 and, for a signed-in person, 429 on a state-changing one ({@code POST}, {@code PUT}, {@code PATCH},
 *     {@code DELETE}; a {@code POST …/_search} only reads): a state that does not allow it or a race lost on every
 *     retry, and the per-person rate limit with {@code Retry-After}.</li>
 * </ul>
 *
 * An operation's own annotations win: a response it documents itself is left as it is. An endpoint open without a
 * token (one that proves itself another way, as the SMS gateway's signed webhook) has no security requirement. The
 * {@code @Actor} and {@link Caller} arguments of a controller are not parameters of the request: they are read from
 * the token.
 */
public class ApiDescriptions implements OpenApiCustomizer {

    /** Where Maven writes the build's version in. */
    private static final String VERSION_FILE = "/closedloop/platform/api/version.properties";

    /** The name of the security scheme every operation that needs a token requires. */
    public static final String BEARER = "bearer";

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "ProblemDetail";
    static final String INVALID_REQUEST = "InvalidRequestProblem";
    static final String CONFLICT_PROBLEM = "ConflictProblem";
    static final String FIELD_ERROR = "FieldError";

    private static final Set<PathItem.HttpMethod> STATE_CHANGING = Set.of(PathItem.HttpMethod.POST,
            PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    private static final String SEARCH = "/_search";

    static {
        // who makes the request comes from the access token (ActorArgumentResolver), never from a request parameter
        SpringDocUtils.getConfig().addAnnotationsToIgnore(Actor.class).addRequestWrapperToIgnore(Caller.class);
    }

    private final String service;
    private final String version;
    private final AccessRules rules;
    private final boolean rateLimited;

    /**
     * @param service     the service's name ({@code spring.application.name}), the description's title
     * @param version     the build's version
     * @param rules       who may call which endpoint
     * @param rateLimited whether the per-person rate limits are on ({@code closedloop.rate-limits.enabled})
     */
    public ApiDescriptions(String service, String version, AccessRules rules, boolean rateLimited) {
        this.service = service;
        this.version = version;
        this.rules = rules;
        this.rateLimited = rateLimited;
    }

    /** The build's version, as Maven wrote it into the platform's resources. */
    public static String buildVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDescriptions.class.getResourceAsStream(VERSION_FILE)) {
            if (in == null) {
                throw new IllegalStateException(VERSION_FILE + " is missing from the platform's jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title(service).version(version).description("The HTTP API of Closed Loop's " + service
                        + ". Every call but the open ones needs an access token of the identity issuer (audience "
                        + "closedloop, roles in its roles claim); every error is answered as application/problem+json "
                        + "(RFC 9457)."))
                .servers(List.of(new Server().url("/").description("Where this description was read from: the "
                        + "service itself, or the web console, which routes the same /api/v1 paths (but the admin "
                        + "ones and the SMS webhook) to it with the signed-in person's token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
        Components components = Optional.ofNullable(api.getComponents()).orElseGet(Components::new);
        api.components(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token (JWT) of the identity issuer: audience closedloop, "
                        + "the person's roles in its roles claim, a dispatcher's branches in its branches claim."));
        problemSchemas().forEach(components::addSchemas);
        Arrays.stream(Answer.values()).forEach(answer -> components.addResponses(answer.component, answer.response()));
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> document(path, method, operation)));
        }
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        Optional<AccessRule> rule = rules.rules().stream()
                .filter(candidate -> candidate.method().name().equals(method.name())
                        && candidate.pattern().equals(path))
                .findFirst();
        boolean open = rule.map(AccessRule::open).orElse(false);
        boolean changesState = STATE_CHANGING.contains(method) && !path.endsWith(SEARCH);
        ApiResponses responses = Optional.ofNullable(operation.getResponses()).orElseGet(ApiResponses::new);
        operation.responses(responses);
        answer(responses, Answer.BAD_REQUEST);
        if (open) {
            operation.setSecurity(List.of());
        } else {
            answer(responses, Answer.UNAUTHORIZED);
            answer(responses, Answer.FORBIDDEN);
            operation.setDescription(withRoles(operation.getDescription(), rule));
        }
        if (path.contains("{")) {
            answer(responses, Answer.NOT_FOUND);
        }
        if (changesState) {
            answer(responses, Answer.CONFLICT);
        }
        if (changesState && !open && rateLimited) {
            answer(responses, Answer.TOO_MANY_REQUESTS);
        }
        answer(responses, Answer.SERVICE_UNAVAILABLE);
    }

    private static void answer(ApiResponses responses, Answer answer) {
        responses.putIfAbsent(answer.status, new ApiResponse().$ref("#/components/responses/" + answer.component));
    }

    private static String withRoles(String description, Optional<AccessRule> rule) {
        String roles = rule.map(r -> "Roles: " + Arrays.stream(Role.values()).filter(r::allows).map(Role::name)
                        .collect(Collectors.joining(", ")) + ".")
                .orElse("No access rule: answered 403 to everyone.");
        return description == null || description.isBlank() ? roles : description + "\n\n" + roles;
    }

    /** RFC 9457's members, and the members the platform adds for a bad request and a state conflict. */
    private static Map<String, Schema> problemSchemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put(PROBLEM, new ObjectSchema().description("An error, as RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").description("about:blank unless stated"))
                .addProperty("title", new StringSchema().description("what went wrong, the same for every such error"))
                .addProperty("status", new IntegerSchema().format("int32").description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what went wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri").description("the path that was asked"))
                .required(List.of("title", "status")));
        schemas.put(FIELD_ERROR, new ObjectSchema().description("One bad field of a request")
                .addProperty("field", new StringSchema().description("its JSON path, parameter or header name"))
                .addProperty("message", new StringSchema().description("what is wrong with it"))
                .required(List.of("field", "message")));
        schemas.put(INVALID_REQUEST, new Schema<>().description("A bad request: every bad field named")
                .allOf(List.of(ref(PROBLEM), new ObjectSchema()
                        .addProperty("errors", new ArraySchema().items(ref(FIELD_ERROR))))));
        schemas.put(CONFLICT_PROBLEM, new Schema<>().description("A request the current state does not allow: "
                        + "for an action the state machine refuses, the state and the actions it allows instead")
                .allOf(List.of(ref(PROBLEM), new ObjectSchema()
                        .addProperty("currentState", new StringSchema())
                        .addProperty("allowedActions", new ArraySchema().items(new StringSchema())))));
        return schemas;
    }

    private static Schema<?> ref(String schema) {
        return new Schema<>().$ref("#/components/schemas/" + schema);
    }

    /** The problem answers the platform gives, each once in the description's components. */
    enum Answer {
        BAD_REQUEST("BadRequest", "400",
                "Invalid request: each bad field in errors (body, parameters, headers)", INVALID_REQUEST),
        UNAUTHORIZED("Unauthorized", "401", "No access token, or one not accepted (expired, wrongly signed, another "
                + "issuer or audience); WWW-Authenticate names the Bearer scheme", PROBLEM),
        FORBIDDEN("Forbidden", "403", "The caller's role may not do this", PROBLEM),
        NOT_FOUND("NotFound", "404", "There is none with this id, or not one the caller may see", PROBLEM),
        CONFLICT("Conflict", "409", "Not allowed in the current state, or changed concurrently on every retry: "
                + "read it again", CONFLICT_PROBLEM),
        TOO_MANY_REQUESTS("TooManyRequests", "429", "Too many of these requests a minute from this person; "
                + "Retry-After says in how many seconds to try again", PROBLEM),
        SERVICE_UNAVAILABLE("ServiceUnavailable", "503", "The service could not reach its store in time and did not "
                + "complete the request; Retry-After says in how many seconds to send it again", PROBLEM);

        private final String component;
        private final String status;
        private final String description;
        private final String schema;

        Answer(String component, String status, String description, String schema) {
            this.component = component;
            this.status = status;
            this.description = description;
            this.schema = schema;
        }

        ApiResponse response() {
            ApiResponse response = new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(schema))));
            if (this == UNAUTHORIZED) {
                response.addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema())
                        .description("Bearer, with error=\"invalid_token\" when a token was not accepted"));
            }
            if (this == TOO_MANY_REQUESTS) {
                response.addHeaderObject("Retry-After", new Header().schema(new IntegerSchema())
                        .description("whole seconds until one more such request is allowed"));
            }
            if (this == SERVICE_UNAVAILABLE) {
                response.addHeaderObject("Retry-After", new Header().schema(new IntegerSchema())
                        .description("whole seconds to wait before sending the request again"));
            }
            return response;
        }
    }
}
