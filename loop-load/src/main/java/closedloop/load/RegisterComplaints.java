package closedloop.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Agents registering complaints at a fixed arrival rate, whatever the answers' latency (an open model: each arrival
 * is a new virtual user who sends one {@code POST /api/v1/complaints} with the agent's bearer token). Each answer is
 * written to the {@link AnswerLog}. Settings are system properties, see {@link LoadSettings}.
 */
public class RegisterComplaints extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final AnswerLog answers = new AnswerLog(settings.answers());

    {
        String token = AgentToken.of(settings.tokenEndpoint(), settings.username(), settings.password());
        HttpProtocolBuilder intake = http.baseUrl(settings.intake())
                .contentTypeHeader("application/json")
                .acceptHeader("application/json")
                .authorizationHeader("Bearer " + token)
                .shareConnections();
        ScenarioBuilder agents = scenario("agents register complaints")
                .feed(new ComplaintBodies(settings.seed(), settings.customers(), settings.repeatShare()))
                .exec(session -> session.set("sentAt", System.currentTimeMillis()))
                .exec(http("POST /api/v1/complaints").post("/api/v1/complaints").body(StringBody("#{body}"))
                        .check(responseTimeInMillis().saveAs("latency"), status().saveAs("status"),
                                status().is(201), jsonPath("$.id").saveAs("id")))
                .exec(session -> {
                    answers.answered(session.getLong("sentAt"),
                            session.contains("latency") ? session.getLong("latency") : -1,
                            session.contains("status") ? session.getInt("status") : 0,
                            session.contains("id") ? session.getString("id") : null);
                    return session;
                });
        setUp(agents.injectOpen(constantUsersPerSec(settings.rate()).during(Duration.ofSeconds(settings.seconds()))
                .randomized()))
                .protocols(intake);
    }

    @Override
    public void after() {
        answers.close();
    }
}
