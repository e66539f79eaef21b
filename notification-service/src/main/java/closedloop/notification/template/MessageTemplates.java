package closedloop.notification.template;

import closedloop.notification.NotificationProperties;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.PropertyPlaceholderHelper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The message templates: UTF-8 resource bundles {@code templates/messages_<language>.properties} (zh-CN and en) with
 * {@code {named}} variables, filled in by Spring's {@link PropertyPlaceholderHelper}. A variable the template names
 * but the caller did not give fails the rendering ({@link IllegalArgumentException}); nothing renders a raw
 * {@code {number}}.
 * <p>
 * Variables are given as values and put into words here, in the language of the message: an {@link Instant} as the
 * operator's wall clock to the minute ({@code 2026-11-25 18:00}); a {@link Duration} as "24 hours" / "24小时"; an
 * enum constant by its fragment {@code <PURPOSE>.<variable>.<CONSTANT>} or {@code <EnumType>.<CONSTANT>} (a fragment
 * may itself name variables, e.g. an escalation reason names {@code {limit}} and {@code {deadline}}); null as
 * "(unknown)"; anything else as its text, taken literally.
 */
@Component
public class MessageTemplates {

    /** The languages with templates. */
    public static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final char ESCAPE = '\\';

    private final ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
    private final PropertyPlaceholderHelper placeholders = new PropertyPlaceholderHelper("{", "}", null, ESCAPE,
            false);
    private final TemplateLanguages languages;
    private final ZoneId zone;

    public MessageTemplates(TemplateLanguages languages, NotificationProperties properties) {
        this.languages = languages;
        this.zone = properties.zone();
        bundles.setBasename("templates/messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
    }

    /** Renders the template for the purpose, recipient kind and channel in the recipient kind's language. */
    public RenderedText render(Purpose purpose, RecipientKind recipientKind, MessageChannel channel,
                               Map<String, ?> variables) {
        return render(purpose, recipientKind, channel, variables, languages.of(recipientKind));
    }

    /**
     * Renders the template for the purpose, recipient kind and channel in the given language; a mail gets a subject.
     *
     * @throws IllegalArgumentException when there is no such template or it names a variable not given
     */
    public RenderedText render(Purpose purpose, RecipientKind recipientKind, MessageChannel channel,
                               Map<String, ?> variables, Locale language) {
        String key = purpose.name() + "." + recipientKind.name();
        String text = optional(key + "." + channel.name(), language).orElseGet(() -> required(key, language));
        String subject = channel == MessageChannel.EMAIL ? required(key + ".subject", language) : null;
        return new RenderedText(subject == null ? null : fill(subject, purpose, variables, language),
                fill(text, purpose, variables, language));
    }

    /** The language the recipient kind reads. */
    public Locale languageOf(RecipientKind recipientKind) {
        return languages.of(recipientKind);
    }

    private String fill(String template, Purpose purpose, Map<String, ?> variables, Locale language) {
        return placeholders.replacePlaceholders(template, name -> variables.containsKey(name)
                ? words(purpose, name, variables.get(name), language)
                : null);
    }

    /** The value in words; fragments may name further variables, any other text is taken literally. */
    private String words(Purpose purpose, String name, Object value, Locale language) {
        if (value == null) {
            return required("value.unknown", language);
        }
        if (value instanceof Enum<?> constant) {
            return optional(purpose.name() + "." + name + "." + constant.name(), language)
                    .or(() -> optional(constant.getDeclaringClass().getSimpleName() + "." + constant.name(), language))
                    .orElseGet(() -> literal(constant.name()));
        }
        if (value instanceof Instant instant) {
            return LOCAL_TIME.format(instant.atZone(zone));
        }
        if (value instanceof Duration duration) {
            return duration(duration, language);
        }
        return literal(String.valueOf(value));
    }

    /** "3 days" (whole days from 48 hours on), "24 hours", "90 minutes"; in the language's words. */
    private String duration(Duration duration, Locale language) {
        long days = duration.toDays();
        if (days >= 2 && duration.equals(Duration.ofDays(days))) {
            return count("duration.days", days, language);
        }
        if (duration.equals(Duration.ofHours(duration.toHours()))) {
            return count("duration.hours", duration.toHours(), language);
        }
        return count("duration.minutes", duration.toMinutes(), language);
    }

    private String count(String key, long count, Locale language) {
        String template = required(key + (count == 1 ? ".one" : ".other"), language);
        return placeholders.replacePlaceholders(template, name -> "count".equals(name) ? String.valueOf(count) : null);
    }

    /** The text as it is: a brace in it (an error message, a name) is not taken for a variable. */
    private static String literal(String text) {
        return text.replace("{", ESCAPE + "{");
    }

    private String required(String key, Locale language) {
        return optional(key, language).orElseThrow(() -> new IllegalArgumentException(
                "No template " + key + " in language " + language.toLanguageTag()));
    }

    private Optional<String> optional(String key, Locale language) {
        try {
            return Optional.of(bundles.getMessage(key, null, language));
        } catch (NoSuchMessageException missing) {
            return Optional.empty();
        }
    }
}
