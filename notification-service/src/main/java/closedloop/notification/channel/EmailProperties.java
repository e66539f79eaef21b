package closedloop.notification.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mail channel's settings; the server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from          the sender address of every mail
 * @param messageIdHost the right-hand side of each mail's {@code Message-ID}, {@code <message id@host>}
 */
@ConfigurationProperties("closedloop.notification.email")
public record EmailProperties(@DefaultValue("closed-loop@localhost") String from,
                              @DefaultValue("closed-loop.notification") String messageIdHost) {
}
