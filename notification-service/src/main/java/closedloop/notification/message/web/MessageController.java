package closedloop.notification.message.web;

import closedloop.notification.message.Message;
import closedloop.notification.message.MessageFilter;
import closedloop.notification.message.MessageStatus;
import closedloop.notification.message.Messages;
import closedloop.platform.PhoneNumbers;
import closedloop.platform.security.Caller;
import closedloop.platform.security.Role;
import closedloop.platform.web.FieldError;
import closedloop.platform.web.OneOf;
import closedloop.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The message log: the messages about a complaint, to a recipient (a branch's inbox: {@code branch:<code>}, a customer's
 * phone), in a status, or any combination of these, oldest first, a page at a time, with the customers' data masked
 * ({@link MessageView}). A customer's phone never goes in a URL: their messages are a {@code POST} of the filters to
 * {@code /api/v1/messages/_search} (docs/architecture.md §9.10).
 */
@RestController
@RequestMapping("/api/v1/messages")
@RequiredArgsConstructor
public class MessageController {

    /** The header that tells how many messages match, over all pages. */
    static final String TOTAL_COUNT = "X-Total-Count";
    /** 0 to 999999, as text so that a non-number is reported like an out-of-range number. */
    static final String PAGE = "0|[1-9][0-9]{0,5}";
    static final String PAGE_MESSAGE = "must be a whole number from 0 to 999999";
    /** 1 to 200. */
    static final String SIZE = "[1-9][0-9]?|1[0-9]{2}|200";
    static final String SIZE_MESSAGE = "must be a whole number from 1 to 200";
    static final String PHONE_NOT_IN_URL = "must not be a phone number in the URL: POST the filters to "
            + "/api/v1/messages/_search";
    private static final String ONE_FILTER = "give complaintId, recipient or status";
    private static final String DEFAULT_PAGE = "0";
    private static final String DEFAULT_SIZE = "50";

    private final Messages messages;

    /**
     * The messages matching every filter given (at least one of complaintId, recipient and status), oldest first, as
     * a JSON array of page {@code page} (from 0) of {@code size} messages (1 to 200, default 50); header
     * {@code X-Total-Count} tells how many match in all. A recipient that is a phone number is refused (400): it
     * belongs in the body of {@link #search}.
     */
    @GetMapping
    public Mono<ResponseEntity<Flux<MessageView>>> list(
            @RequestParam(required = false) String complaintId,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) @OneOf(MessageStatus.class) String status,
            @RequestParam(defaultValue = DEFAULT_PAGE) @Pattern(regexp = PAGE, message = PAGE_MESSAGE) String page,
            @RequestParam(defaultValue = DEFAULT_SIZE) @Pattern(regexp = SIZE, message = SIZE_MESSAGE) String size,
            Caller caller) {
        if (StringUtils.hasText(recipient) && isPhoneNumber(recipient)) {
            return Mono.error(Problems.invalidField("recipient", PHONE_NOT_IN_URL));
        }
        return answer(new MessageSearchRequest(complaintId, recipient, status, page, size), caller);
    }

    /**
     * The messages matching every filter of the body (at least one of complaintId, recipient and status; the
     * recipient may be a customer's phone), answered as {@link #list}.
     */
    @PostMapping("/_search")
    public Mono<ResponseEntity<Flux<MessageView>>> search(@Valid @RequestBody MessageSearchRequest search,
                                                          Caller caller) {
        return answer(search, caller);
    }

    private Mono<ResponseEntity<Flux<MessageView>>> answer(MessageSearchRequest search, Caller caller) {
        if (!Message.readableBy(caller, textOrNull(search.recipient()))) {
            return Mono.error(Problems.forbidden("A dispatcher reads the messages to their own branches only"));
        }
        MessageFilter filter = new MessageFilter(textOrNull(search.complaintId()), textOrNull(search.recipient()),
                search.status() == null ? null : MessageStatus.valueOf(search.status()));
        if (filter.isEmpty()) {
            return Mono.error(noFilter());
        }
        int page = Integer.parseInt(search.page() == null ? DEFAULT_PAGE : search.page());
        int size = Integer.parseInt(search.size() == null ? DEFAULT_SIZE : search.size());
        boolean phonesShown = caller.has(Role.SUPERVISOR);
        Flux<MessageView> found = messages.find(filter, page, size)
                .map(message -> MessageView.of(message, phonesShown));
        return messages.count(filter)
                .map(total -> ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(total)).body(found));
    }

    /** A customer's phone rather than a staff recipient ({@code branch:<code>}, {@code supervisors}, a mail address). */
    private static boolean isPhoneNumber(String recipient) {
        return recipient.chars().noneMatch(Character::isLetter) || PhoneNumbers.containsPhone(recipient);
    }

    private static ErrorResponseException noFilter() {
        return Problems.badRequest(List.of(new FieldError("complaintId", ONE_FILTER),
                new FieldError("recipient", ONE_FILTER), new FieldError("status", ONE_FILTER)));
    }

    private static String textOrNull(String text) {
        return StringUtils.hasText(text) ? text.strip() : null;
    }
}
