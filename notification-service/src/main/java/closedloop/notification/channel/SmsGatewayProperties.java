package closedloop.notification.channel;

import closedloop.notification.message.Purpose;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The SMS gateway: where its JSON API is and what it needs besides the number and the text.
 *
 * @param url                 where messages are posted
 * @param username            HTTP Basic user; none (no Authorization header) when blank
 * @param password            HTTP Basic password
 * @param signName            the registered signature (签名) the gateway puts in front of each text
 * @param templateCodes       the gateway's template code for each purpose
 * @param defaultTemplateCode the template code of a purpose not in {@code templateCodes}
 * @param connectTimeout      how long to wait for the connection
 * @param responseTimeout     how long to wait for the gateway's answer before giving up (tried again later)
 */
@ConfigurationProperties("closedloop.notification.sms")
public record SmsGatewayProperties(@DefaultValue("http://localhost:8085/sms/messages") URI url,
                                   String username,
                                   String password,
                                   @DefaultValue("Closed Loop") String signName,
                                   Map<Purpose, String> templateCodes,
                                   @DefaultValue("CLOSED_LOOP_TEXT") String defaultTemplateCode,
                                   @DefaultValue("PT2S") Duration connectTimeout,
                                   @DefaultValue("PT5S") Duration responseTimeout) {

    public SmsGatewayProperties {
        templateCodes = templateCodes == null ? Map.of() : Map.copyOf(templateCodes);
    }

    /** The gateway's template code for messages of this purpose. */
    public String templateCodeFor(Purpose purpose) {
        return templateCodes.getOrDefault(purpose, defaultTemplateCode);
    }
}
