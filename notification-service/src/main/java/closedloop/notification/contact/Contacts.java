package closedloop.notification.contact;

import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The customer contacts, one per complaint. */
@Repository
@RequiredArgsConstructor
public class Contacts {

    private final ReactiveMongoTemplate mongo;

    /** Remembers the contact, replacing what was known for the complaint; doing it twice changes nothing. */
    public Mono<Contact> remember(Contact contact) {
        return mongo.save(contact);
    }

    /** The contact for the complaint; empty when its registration has not been seen (yet). */
    public Mono<Contact> find(String complaintId) {
        return mongo.findById(complaintId, Contact.class);
    }

    /** The contact for the complaint; an error when its registration has not been seen (yet). */
    public Mono<Contact> of(String complaintId) {
        return find(complaintId)
                .switchIfEmpty(Mono.error(() -> new UnknownContactException(complaintId)));
    }
}
