package closedloop.localstack.outbox;

import closedloop.platform.PhoneNumbers;

import java.time.Instant;

/** An SMS the demo gateway accepted, with when it arrived. */
public record RecordedSms(String reference, String to, String text, String signName, String templateCode,
                          Instant receivedAt) {

    static RecordedSms of(SmsRequest request, Instant receivedAt) {
        return new RecordedSms(request.reference(), request.to(), request.text(), request.signName(),
                request.templateCode(), receivedAt);
    }

    /** Prints the phone masked: Spring logs the bodies it writes at DEBUG. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
