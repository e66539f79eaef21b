package closedloop.notification.message.web;

import closedloop.notification.message.Messages;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The messages sent about a complaint. */
@RestController
@RequestMapping("/api/v1/messages")
public class MessageController {

    private final Messages messages;

    public MessageController(Messages messages) {
        this.messages = messages;
    }

    /** The messages about the complaint (required), oldest first. */
    @GetMapping
    public Flux<MessageView> list(@RequestParam @NotBlank String complaintId) {
        return messages.ofComplaint(complaintId).map(MessageView::of);
    }
}
