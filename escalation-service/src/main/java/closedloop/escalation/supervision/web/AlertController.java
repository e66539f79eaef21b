package closedloop.escalation.supervision.web;

import closedloop.escalation.supervision.AlertDesk;
import closedloop.escalation.supervision.AlertFilter;
import closedloop.escalation.supervision.AlertKind;
import closedloop.escalation.supervision.AlertStatus;
import closedloop.escalation.supervision.LiveAlerts;
import closedloop.escalation.supervision.SupervisionProperties;
import closedloop.platform.security.Actor;
import closedloop.platform.web.OneOf;
import closedloop.platform.web.Problems;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Supervisors' alerts: the open ones (or those in one status) newest first, acknowledging one, and a live stream of
 * every alert as it is raised.
 */
@RestController
@RequestMapping("/api/v1/alerts")
public class AlertController {

    /** 1 to 500, as text so that a non-number is reported like an out-of-range number. */
    private static final String LIMIT = "[1-9][0-9]?|[1-4][0-9]{2}|500";

    private final AlertDesk alerts;
    private final LiveAlerts live;
    private final Duration heartbeat;

    public AlertController(AlertDesk alerts, LiveAlerts live, SupervisionProperties properties) {
        this.alerts = alerts;
        this.live = live;
        this.heartbeat = properties.heartbeat();
    }

    /**
     * Alerts newest first. Without {@code status}, the open ones: OPEN and ACKNOWLEDGED (taken on but not yet
     * cleared); with it, those in that status. Optionally of one branch, level (0–2), kind or complaint.
     */
    @GetMapping
    public Flux<AlertView> list(@RequestParam(required = false) String branch,
                                @RequestParam(required = false)
                                @Pattern(regexp = "[0-2]", message = "must be 0, 1 or 2") String level,
                                @RequestParam(required = false) @OneOf(AlertStatus.class) String status,
                                @RequestParam(required = false) @OneOf(AlertKind.class) String kind,
                                @RequestParam(required = false) String complaintId,
                                @RequestParam(defaultValue = "100")
                                @Pattern(regexp = LIMIT, message = "must be a whole number from 1 to 500") String limit) {
        AlertFilter filter = new AlertFilter(textOrNull(branch), level == null ? null : Integer.valueOf(level),
                status == null ? null : AlertStatus.valueOf(status), kind == null ? null : AlertKind.valueOf(kind),
                textOrNull(complaintId), Integer.parseInt(limit));
        return alerts.list(filter).map(AlertView::of);
    }

    @GetMapping("/{id}")
    public Mono<AlertView> get(@PathVariable String id) {
        return alerts.find(id).map(AlertView::of).switchIfEmpty(Mono.error(() -> Problems.notFound("alert", id)));
    }

    /**
     * A supervisor takes the alert on: OPEN → ACKNOWLEDGED. Acknowledging again answers 200 with the first
     * acknowledgement unchanged; a cleared alert nobody acknowledged answers 409.
     */
    @PostMapping("/{id}/ack")
    public Mono<AlertView> acknowledge(@PathVariable String id, @Actor String actor) {
        return alerts.acknowledge(id, actor)
                .map(AlertView::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("alert", id)));
    }

    /**
     * Server-sent events: every alert raised from now on, as {@code event: alert} with the alert's id and its JSON,
     * optionally of one branch; a {@code :heartbeat} comment at once and then every heartbeat interval keeps proxies
     * from closing the stream. Live only: a reconnecting client reads what it missed from the list.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<AlertView>> stream(@RequestParam(required = false) String branch) {
        String onlyBranch = textOrNull(branch);
        Flux<ServerSentEvent<AlertView>> raised = live.alerts()
                .filter(alert -> onlyBranch == null || onlyBranch.equals(alert.branch()))
                .map(alert -> ServerSentEvent.builder(AlertView.of(alert)).id(alert.id()).event("alert").build());
        Flux<ServerSentEvent<AlertView>> heartbeats = Flux.interval(Duration.ZERO, heartbeat)
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.<AlertView>builder().comment("heartbeat").build());
        return Flux.merge(raised, heartbeats);
    }

    private static String textOrNull(String text) {
        return StringUtils.hasText(text) ? text.strip() : null;
    }
}
