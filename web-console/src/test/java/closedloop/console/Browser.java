package closedloop.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as the console and the issuer see it, over real HTTP: it asks for HTML when it opens a page, keeps the
 * cookies it is given (one jar for the host, as a browser keeps them for {@code localhost} whatever the port), and
 * follows redirects one hop at a time so that a test can look at each. Every answer it received is kept.
 */
final class Browser {

    static final String PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String SESSION_COOKIE = "CLOSEDLOOP_CONSOLE_SESSION";
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A console that does not answer fails the test instead of hanging the build. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    private final String console;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final List<Answer> answers = new ArrayList<>();

    Browser(String console) {
        this.console = console;
    }

    /** One answer: where it came from, its status, headers and body. */
    record Answer(URI uri, int status, HttpHeaders headers, String body) {

        String location() {
            return headers.firstValue("Location").orElseThrow(() -> new AssertionError("no Location in " + this));
        }

        URI locationUri() {
            return uri.resolve(location());
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        /** The Set-Cookie header of this name, e.g. {@code XSRF-TOKEN=…; Path=/; SameSite=Lax}. */
        String setCookie(String name) {
            return setCookies().stream().filter(cookie -> cookie.startsWith(name + "="))
                    .reduce((first, last) -> last)
                    .orElseThrow(() -> new AssertionError("no cookie " + name + " set by " + uri));
        }

        boolean isRedirect() {
            return status / 100 == 3;
        }

        @Override
        public String toString() {
            return status + " " + uri + " " + headers.map();
        }
    }

    /** Opens a page: a path of the console or a whole address. */
    Answer open(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", PAGE_ACCEPT).GET());
    }

    /** A script's request ({@code fetch}), asking for JSON. */
    Answer fetch(String method, String path, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        headers.forEach(request::header);
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return send(request);
    }

    Answer fetch(String path) {
        return fetch("GET", path, null, Map.of());
    }

    /** A form the browser submits, e.g. the issuer's login page or the console's logout button. */
    Answer submit(String pathOrUrl, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Accept", PAGE_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    /** Follows the redirects of an answer, one hop at a time; the last answer is not a redirect. */
    List<Answer> follow(Answer answer) {
        List<Answer> hops = new ArrayList<>(List.of(answer));
        Answer current = answer;
        while (current.isRedirect()) {
            assertThat(hops).as("redirects").hasSizeLessThan(10);
            current = open(current.locationUri().toString());
            hops.add(current);
        }
        return hops;
    }

    /**
     * Signs in as a person would: opens the console, is sent to the issuer's login page, fills in the form (fields
     * {@code username} and {@code password}, Spring Security's own page) and is sent back to the console's page.
     */
    Answer signIn(String username, String password) {
        List<Answer> toLogin = follow(open("/"));
        Answer loginPage = toLogin.get(toLogin.size() - 1);
        assertThat(loginPage.status()).as("the issuer's login page").isEqualTo(200);
        assertThat(loginPage.uri().getPath()).isEqualTo("/login");
        assertThat(loginPage.body()).contains("name=\"username\"", "name=\"password\"");
        Matcher csrf = LOGIN_CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("the login page's CSRF token").isTrue();
        List<Answer> back = follow(submit(loginPage.uri().resolve("/login").toString(),
                Map.of("username", username, "password", password, "_csrf", csrf.group(1))));
        Answer page = back.get(back.size() - 1);
        assertThat(page.uri().toString()).as("back at the console").startsWith(console);
        assertThat(page.status()).isEqualTo(200);
        return page;
    }

    Answer signIn(String username) {
        return signIn(username, "demo");
    }

    /** What {@code GET /console/me} says. */
    JsonNode signedIn() {
        Answer me = fetch("/console/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        return me.json();
    }

    /** The CSRF token of the console's cookie, as the console's scripts read it. */
    String csrfToken() {
        String token = cookies.get(CSRF_COOKIE);
        assertThat(token).as("the console's CSRF cookie").isNotBlank();
        return token;
    }

    /** The cookies it holds, by name. */
    Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** Every answer it received, in order. */
    List<Answer> answers() {
        return List.copyOf(answers);
    }

    String console() {
        return console;
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : console + pathOrUrl);
    }

    private Answer send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.timeout(ANSWER_WITHIN).build();
        try {
            HttpResponse<String> response = connection().send(built, HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(built.uri(), response.statusCode(), response.headers(), response.body());
            keep(answer.setCookies());
            answers.add(answer);
            return answer;
        } catch (HttpTimeoutException timedOut) {
            throw new AssertionError("No answer within " + ANSWER_WITHIN + " to " + built.method() + " " + built.uri()
                    + "; the JVM's threads then:\n" + threads(), timedOut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A client of its own for each request, so a connection of its own: the JDK client's kept-alive connections to
     * the console stalled now and then in these tests (a request written on a pooled connection was neither
     * answered nor failed), and what the tests look at is the console's answers, not keep-alive, which the
     * browser tests in local-stack exercise with a real browser. HTTP/1.1, as a browser speaks it over plain http.
     */
    private static HttpClient connection() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What every thread was doing, to tell where an unanswered request waits. */
    private static String threads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
            }
        });
        return dump.toString();
    }

    private void keep(List<String> setCookies) {
        setCookies.forEach(setCookie -> {
            String[] pair = setCookie.split(";", 2)[0].split("=", 2);
            String value = pair.length > 1 ? pair[1].trim() : "";
            boolean expired = value.isEmpty() || setCookie.toLowerCase().contains("max-age=0");
            if (expired) {
                cookies.remove(pair[0].trim());
            } else {
                cookies.put(pair[0].trim(), value);
            }
        });
    }

    private static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
