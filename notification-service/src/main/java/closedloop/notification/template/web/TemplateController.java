package closedloop.notification.template.web;

import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.template.MessageMatrix;
import closedloop.notification.template.MessageTemplates;
import closedloop.notification.template.RenderedText;
import closedloop.platform.web.OneOf;
import closedloop.platform.web.Problems;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** The message templates: which exist (the matrix, with each one's variables) and how each reads for a sample. */
@RestController
@RequestMapping("/api/v1/templates")
@RequiredArgsConstructor
public class TemplateController {

    private final MessageTemplates templates;
    private final Clock clock;

    /** Every purpose × recipient kind × channel of the matrix with the names of its variables. */
    @GetMapping
    public List<TemplateView> list() {
        return MessageMatrix.cells().stream().map(TemplateView::of).toList();
    }

    /**
     * The template of the purpose for the recipient kind on the channel, rendered for a sample complaint in the
     * language asked for (by default the recipient kind's); 400 naming the field when the matrix has no such cell.
     */
    @GetMapping("/preview")
    public PreviewView preview(
            @RequestParam(required = false) @NotBlank @OneOf(Purpose.class) String purpose,
            @RequestParam(required = false) @NotBlank @OneOf(RecipientKind.class) String recipient,
            @RequestParam(required = false) @NotBlank @OneOf(MessageChannel.class) String channel,
            @RequestParam(required = false) @Pattern(regexp = "zh-CN|en", message = "must be one of zh-CN, en")
            String language) {
        Purpose thePurpose = Purpose.valueOf(purpose);
        RecipientKind theRecipient = RecipientKind.valueOf(recipient);
        MessageChannel theChannel = MessageChannel.valueOf(channel);
        requireCell(thePurpose, theRecipient, theChannel);
        Locale locale = language == null ? templates.languageOf(theRecipient) : Locale.forLanguageTag(language);
        RenderedText rendered = templates.render(thePurpose, theRecipient, theChannel,
                SampleComplaint.variables(thePurpose, clock.instant()), locale);
        return new PreviewView(thePurpose, theRecipient, theChannel, locale.toLanguageTag(), rendered.subject(),
                rendered.text());
    }

    private static void requireCell(Purpose purpose, RecipientKind recipient, MessageChannel channel) {
        if (!MessageMatrix.tells(purpose, recipient)) {
            throw Problems.invalidField("recipient", "no " + purpose + " message goes to " + recipient);
        }
        if (!MessageMatrix.contains(purpose, recipient, channel)) {
            throw Problems.invalidField("channel", "no " + purpose + " message goes to " + recipient + " by " + channel);
        }
    }
}
