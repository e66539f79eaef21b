package closedloop.notification.callback;

import closedloop.contracts.TicketResolved;
import closedloop.notification.contact.Contacts;
import closedloop.notification.notice.WhoIsTold;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a resolved ticket starts: the customer is told, then the callback task opens, both to the customer the
 * complaint's registration named, read once; an error when the registration was not seen (yet), so that the record is
 * retried.
 */
@Component
@RequiredArgsConstructor
public class Resolutions {

    private final Contacts contacts;
    private final WhoIsTold whoIsTold;
    private final CallbackService callbacks;

    /** Tells the customer of the resolution (RESOLUTION_NOTICE) and opens its callback. */
    public Mono<Void> resolved(TicketResolved resolved) {
        return contacts.of(resolved.complaintId())
                .flatMap(contact -> whoIsTold.resolved(resolved, contact).then(callbacks.open(resolved, contact)));
    }
}
