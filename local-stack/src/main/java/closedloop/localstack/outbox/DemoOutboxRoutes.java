package closedloop.localstack.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/**
 * The demo outbox's HTTP endpoints: the SMS gateway notification-service posts to ({@code POST /sms/messages}), what
 * it recorded ({@code GET /sms/messages[?to=]}), its outage switch ({@code POST}/{@code DELETE /sms/outage}), a
 * customer's reply it forwards to notification-service signed ({@code POST /sms/replies}) and the mail the SMTP server
 * received ({@code GET /mail/messages}).
 */
public final class DemoOutboxRoutes {

    private final RecordingSmsGateway gateway;
    private final SmsReplyForwarder replies;

    private DemoOutboxRoutes(RecordingSmsGateway gateway, SmsReplyForwarder replies) {
        this.gateway = gateway;
        this.replies = replies;
    }

    /** The endpoints as an HTTP handler for any reactive server, writing times as ISO-8601 as the services do. */
    public static HttpHandler httpHandler(RecordingSmsGateway gateway, SmsReplyForwarder replies,
                                          DemoMailbox mailbox) {
        return httpHandler(of(gateway, replies, mailbox));
    }

    /** Routes as an HTTP handler for any reactive server, writing times as ISO-8601 as the services do. */
    public static HttpHandler httpHandler(RouterFunction<ServerResponse> routes) {
        ObjectMapper json = Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        HandlerStrategies strategies = HandlerStrategies.builder().codecs(codecs -> {
            codecs.defaultCodecs().jackson2JsonEncoder(new Jackson2JsonEncoder(json));
            codecs.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(json));
        }).build();
        return RouterFunctions.toHttpHandler(routes, strategies);
    }

    /** Every endpoint: the SMS gateway's and the mail received. */
    public static RouterFunction<ServerResponse> of(RecordingSmsGateway gateway, SmsReplyForwarder replies,
                                                    DemoMailbox mailbox) {
        return smsGateway(gateway, replies)
                .and(RouterFunctions.route().GET("/mail/messages", request -> listMail(mailbox)).build());
    }

    /**
     * The SMS gateway's endpoints alone, for the gateway on its own (docker-compose, where Mailpit receives the
     * mail): {@code GET /mail/messages} is not one of them.
     */
    public static RouterFunction<ServerResponse> smsGateway(RecordingSmsGateway gateway, SmsReplyForwarder replies) {
        return new DemoOutboxRoutes(gateway, replies).sms();
    }

    private RouterFunction<ServerResponse> sms() {
        return RouterFunctions.route()
                .POST("/sms/messages", this::acceptSms)
                .GET("/sms/messages", this::listSms)
                .GET("/sms/outage", request -> outage())
                .POST("/sms/outage", request -> switchOutage(true))
                .DELETE("/sms/outage", request -> switchOutage(false))
                .POST("/sms/replies", this::forwardReply)
                .build();
    }

    /** 202 with the reference once recorded (now or before); 400 naming the missing fields; 503 in an outage. */
    private Mono<ServerResponse> acceptSms(ServerRequest request) {
        return request.bodyToMono(SmsRequest.class)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("An SMS needs a JSON body")))
                .flatMap(sms -> sms.missingFields().isEmpty() ? record(sms) : invalid(sms.missingFields()));
    }

    private Mono<ServerResponse> record(SmsRequest sms) {
        try {
            RecordedSms recorded = gateway.accept(sms);
            return ServerResponse.accepted().contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("reference", recorded.reference(), "status", "ACCEPTED"));
        } catch (RecordingSmsGateway.GatewayOutageException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of());
        }
    }

    private Mono<ServerResponse> invalid(List<String> missing) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid fields: " + String.join(", ", missing),
                missing.stream().map(field -> Map.of("field", field, "message", "must not be blank")).toList());
    }

    /**
     * Forwards a customer's reply to notification-service, signed, and answers what it answered; 400 naming the
     * missing fields, 503 before notification-service runs, 502 when it does not answer.
     */
    private Mono<ServerResponse> forwardReply(ServerRequest request) {
        return request.bodyToMono(CustomerReply.class)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("A reply needs a JSON body")))
                .flatMap(reply -> reply.missingFields().isEmpty() ? forward(reply) : invalid(reply.missingFields()));
    }

    private Mono<ServerResponse> forward(CustomerReply reply) {
        if (!replies.isConnected()) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "The demo SMS gateway forwards replies once notification-service runs", List.of());
        }
        return replies.forward(reply.from(), reply.text())
                .flatMap(answer -> ServerResponse.status(answer.status()).contentType(answer.contentType())
                        .bodyValue(answer.body()))
                .onErrorResume(error -> problem(HttpStatus.BAD_GATEWAY,
                        "notification-service did not answer: " + error.getMessage(), List.of()));
    }

    private Mono<ServerResponse> listSms(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(gateway.messages(request.queryParam("to")));
    }

    private Mono<ServerResponse> outage() {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outage", gateway.isDown()));
    }

    private Mono<ServerResponse> switchOutage(boolean down) {
        if (down) {
            gateway.fail();
        } else {
            gateway.recover();
        }
        return outage();
    }

    private static Mono<ServerResponse> listMail(DemoMailbox mailbox) {
        return Mono.fromCallable(mailbox::messages).subscribeOn(Schedulers.boundedElastic())
                .flatMap(mails -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(mails));
    }

    private static Mono<ServerResponse> problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
    }
}
