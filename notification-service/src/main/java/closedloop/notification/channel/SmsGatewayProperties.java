package closedloop.notification.channel;

import closedloop.notification.message.Purpose;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The SMS gateway: where its JSON API is and what it needs besides the number and the text. Its credentials never
 * show: {@link #toString()} says only whether they are set, and the actuator's env and configprops endpoints hide them
 * (the platform's sanitizing function).
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

    /** The settings without the credentials (only whether they are set) or a user and password in the URL. */
    @Override
    public String toString() {
        return "SmsGatewayProperties[url=" + withoutUserInfo(url) + ", username=" + setOrNot(username) + ", password="
                + setOrNot(password) + ", signName=" + signName + ", templateCodes=" + templateCodes
                + ", defaultTemplateCode=" + defaultTemplateCode + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + "]";
    }

    private static String setOrNot(String credential) {
        return credential == null || credential.isEmpty() ? "(none)" : "(set)";
    }

    private static String withoutUserInfo(URI uri) {
        return uri == null || uri.getRawUserInfo() == null ? String.valueOf(uri)
                : uri.toString().replace(uri.getRawUserInfo() + "@", "******@");
    }
}
