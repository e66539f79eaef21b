package closedloop.notification.notice;

import closedloop.platform.PhoneNumbers;
import closedloop.platform.domain.RaceRetry;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps a phone from being sent more than one registration acknowledgement per
 * {@code closedloop.notification.acknowledgement.per-phone-interval} (collection {@code acknowledgement-windows}, one
 * {@link AcknowledgementWindow} per phone, read by key).
 */
@Service
@RequiredArgsConstructor
public class Acknowledgements {

    private final ReactiveMongoTemplate mongo;
    private final RaceRetry raceRetry;
    private final Clock clock;
    private final AcknowledgementProperties properties;

    /**
     * Decides whether the registration's acknowledgement goes to this phone now, and if so remembers it, again from a
     * fresh read when a registration for the same phone decided at the same moment. A phone without digits is not
     * limited (nothing would be sent to it anyway).
     *
     * @return empty when it goes; why not otherwise
     */
    public Mono<Optional<String>> admit(String phone, UUID causeEventId, String complaintId) {
        String normalized = PhoneNumbers.normalized(phone);
        if (normalized.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        return raceRetry.retrying(() -> mongo.findById(normalized, AcknowledgementWindow.class)
                .switchIfEmpty(Mono.fromSupplier(() -> AcknowledgementWindow.none(normalized)))
                .flatMap(window -> {
                    Optional<String> suppressed = window.admit(causeEventId.toString(), complaintId, clock.instant(),
                            properties.perPhoneInterval());
                    return suppressed.isPresent() ? Mono.just(suppressed) : mongo.save(window).thenReturn(suppressed);
                }));
    }
}
