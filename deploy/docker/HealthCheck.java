import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The images' health probe: exits 0 when the URL answers 2xx within 3 seconds, 1 otherwise. The JRE base image has no
 * curl or wget, so docker-compose's health checks run this with the image's own java, e.g.
 * {@code java -cp /opt/healthcheck HealthCheck http://localhost:8081/actuator/health/readiness}. Compiled in the
 * image's build stage; kept free of packages and dependencies so that it starts in a fraction of a second.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HealthCheck <url>");
            System.exit(2);
        }
        System.exit(healthy(args[0]) ? 0 : 1);
    }

    static boolean healthy(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            System.out.println(url + " answered " + response.statusCode());
            return response.statusCode() / 100 == 2;
        } catch (Exception e) {
            System.out.println(url + " did not answer: " + e);
            return false;
        }
    }
}
