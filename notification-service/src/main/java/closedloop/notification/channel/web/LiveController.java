package closedloop.notification.channel.web;

import closedloop.notification.channel.LiveProperties;
import closedloop.notification.channel.LiveSender;
import closedloop.notification.message.Message;
import closedloop.platform.security.Caller;
import closedloop.platform.web.Problems;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.time.Duration;

/** The staff consoles' live feed of the messages to one recipient. */
@RestController
@RequestMapping("/api/v1/live")
public class LiveController {

    private final LiveSender live;
    private final Duration heartbeat;

    public LiveController(LiveSender live, LiveProperties properties) {
        this.live = live;
        this.heartbeat = properties.heartbeat();
    }

    /**
     * Server-sent events: every message to the recipient ({@code branch:<code>} or {@code supervisors}) delivered
     * from now on, as {@code event: message} with the message's id and its JSON; a {@code :heartbeat} comment at once
     * and then every heartbeat interval keeps proxies from closing the stream. Live only: a reconnecting console reads
     * what it missed from {@code GET /api/v1/messages?recipient=…}.
     */
    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<LiveMessageView>> stream(@RequestParam @NotBlank String recipient, Caller caller) {
        if (!Message.readableBy(caller, recipient.strip())) {
            throw Problems.forbidden("A dispatcher follows the messages to their own branches only");
        }
        Flux<ServerSentEvent<LiveMessageView>> delivered = live.messagesTo(recipient.strip())
                .map(message -> ServerSentEvent.builder(LiveMessageView.of(message))
                        .id(message.id()).event("message").build());
        Flux<ServerSentEvent<LiveMessageView>> heartbeats = Flux.interval(Duration.ZERO, heartbeat)
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.<LiveMessageView>builder().comment("heartbeat").build());
        return Flux.merge(delivered, heartbeats);
    }
}
