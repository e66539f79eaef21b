package closedloop.notification.channel;

/** The SMS gateway did not accept a message this time (5xx, 408, 429): it may accept it when tried again. */
public class SmsGatewayException extends RuntimeException {

    public SmsGatewayException(String reason) {
        super(reason);
    }
}
