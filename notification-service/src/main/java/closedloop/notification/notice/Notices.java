package closedloop.notification.notice;

import closedloop.notification.message.Message;
import closedloop.notification.message.Messenger;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.Purpose;
import closedloop.notification.template.MessageMatrix;
import closedloop.notification.template.MessageTemplates;
import closedloop.notification.template.RenderedText;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends what an event causes: one message per cell of the {@link MessageMatrix} for the purpose, each rendered in its
 * recipient's language and addressed from the {@link Audience} and the configured {@link EmailAddresses}. A recipient
 * without an address on a channel gets nothing there (logged); the others still do.
 */
@Service
@RequiredArgsConstructor
public class Notices {

    /** The live recipient of the supervisors' messages. */
    public static final String SUPERVISORS_LIVE = "supervisors";

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final MessageTemplates templates;
    private final Messenger messenger;
    private final EmailAddresses addresses;

    /**
     * Sends the purpose's messages about the complaint, caused by the event; a redelivered event sends none again.
     * Every message is tried even when one fails; the first failure is reported after the others were handled.
     */
    public Mono<Void> send(UUID causeEventId, String complaintId, Purpose purpose, Audience audience,
                           Map<String, ?> variables) {
        return outgoings(causeEventId, complaintId, purpose, audience, variables)
                .concatMapDelayError(messenger::send)
                .then();
    }

    /**
     * Records the purpose's messages about the complaint as SUPPRESSED, never sent, for the reason given, so that the
     * message log shows what was held back and why; a redelivered event records none again.
     */
    public Mono<Void> suppress(UUID causeEventId, String complaintId, Purpose purpose, Audience audience,
                               Map<String, ?> variables, String because) {
        return outgoings(causeEventId, complaintId, purpose, audience, variables)
                .concatMapDelayError(outgoing -> messenger.suppress(outgoing, because))
                .then();
    }

    /** The purpose's messages, one per cell of its matrix row whose recipient has an address. */
    private Flux<Outgoing> outgoings(UUID causeEventId, String complaintId, Purpose purpose, Audience audience,
                                     Map<String, ?> variables) {
        return Flux.fromIterable(MessageMatrix.cellsOf(purpose))
                .concatMap(cell -> Mono.justOrEmpty(addressOf(cell, audience))
                        .map(recipient -> outgoing(causeEventId, complaintId, cell, recipient, variables)));
    }

    private Outgoing outgoing(UUID causeEventId, String complaintId, MessageMatrix.Cell cell, String recipient,
                              Map<String, ?> variables) {
        RenderedText rendered = templates.render(cell.purpose(), cell.recipientKind(), cell.channel(), variables);
        return new Outgoing(causeEventId, complaintId, cell.purpose(), cell.recipientKind(), cell.channel(),
                recipient, rendered.subject(), rendered.text());
    }

    private Optional<String> addressOf(MessageMatrix.Cell cell, Audience audience) {
        Optional<String> address = switch (cell.recipientKind()) {
            case CUSTOMER -> Optional.ofNullable(audience.customerPhone()).filter(phone -> !phone.isBlank());
            case BRANCH -> Optional.ofNullable(audience.branch()).filter(code -> !code.isBlank())
                    .flatMap(code -> switch (cell.channel()) {
                        case LIVE -> Optional.of(Message.branchRecipient(code));
                        case EMAIL -> addresses.ofBranch(code);
                        case SMS -> Optional.empty();
                    });
            case SUPERVISORS -> switch (cell.channel()) {
                case LIVE -> Optional.of(SUPERVISORS_LIVE);
                case EMAIL -> addresses.ofSupervisors();
                case SMS -> Optional.empty();
            };
        };
        if (address.isEmpty()) {
            log.warn("No {} address of the {} for {}: not sending it there", cell.channel(), cell.recipientKind(),
                    cell.purpose());
        }
        return address;
    }
}
