package closedloop.notification.template;

import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static closedloop.notification.message.MessageChannel.EMAIL;
import static closedloop.notification.message.MessageChannel.LIVE;
import static closedloop.notification.message.MessageChannel.SMS;
import static closedloop.notification.message.RecipientKind.BRANCH;
import static closedloop.notification.message.RecipientKind.CUSTOMER;
import static closedloop.notification.message.RecipientKind.SUPERVISORS;

/**
 * Who is told what, and how: per purpose, the recipient kinds and channels that get a message (the customer by SMS;
 * the branch and the supervisors by live alert and by mail), and the variables its templates are filled with.
 * {@code docs/notifications.md} shows the same matrix as a table.
 */
public final class MessageMatrix {

    /**
     * One cell of the matrix: a message of this purpose goes to this kind of recipient on this channel.
     *
     * @param purpose       why it is sent
     * @param recipientKind who it is for
     * @param channel       how it goes out
     */
    public record Cell(Purpose purpose, RecipientKind recipientKind, MessageChannel channel) {
    }

    private static final List<Cell> CELLS = List.of(
            new Cell(Purpose.REGISTRATION_ACK, CUSTOMER, SMS),
            new Cell(Purpose.EXTENSION_NOTICE, CUSTOMER, SMS),
            new Cell(Purpose.RESOLUTION_NOTICE, CUSTOMER, SMS),
            new Cell(Purpose.PROMISE_KEPT, CUSTOMER, SMS),
            new Cell(Purpose.PROBLEM_SOLVED, CUSTOMER, SMS),
            new Cell(Purpose.CLOSURE_NOTICE, CUSTOMER, SMS),
            new Cell(Purpose.CALLBACK_SURVEY, CUSTOMER, SMS),
            new Cell(Purpose.NEW_TICKET, BRANCH, LIVE),
            new Cell(Purpose.NEW_TICKET, BRANCH, EMAIL),
            new Cell(Purpose.SLA_WARNING, BRANCH, LIVE),
            new Cell(Purpose.SLA_WARNING, BRANCH, EMAIL),
            new Cell(Purpose.ESCALATION_LEVEL_1, BRANCH, LIVE),
            new Cell(Purpose.ESCALATION_LEVEL_1, BRANCH, EMAIL),
            new Cell(Purpose.ESCALATION_LEVEL_1, SUPERVISORS, LIVE),
            new Cell(Purpose.ESCALATION_LEVEL_1, SUPERVISORS, EMAIL),
            new Cell(Purpose.ESCALATION_LEVEL_2, SUPERVISORS, LIVE),
            new Cell(Purpose.ESCALATION_LEVEL_2, SUPERVISORS, EMAIL),
            new Cell(Purpose.TICKET_REOPENED, BRANCH, LIVE),
            new Cell(Purpose.TICKET_REOPENED, BRANCH, EMAIL),
            new Cell(Purpose.DELIVERY_FAILED, SUPERVISORS, LIVE),
            new Cell(Purpose.DELIVERY_FAILED, SUPERVISORS, EMAIL));

    private static final Map<Purpose, List<String>> VARIABLES = new EnumMap<>(Map.ofEntries(
            Map.entry(Purpose.REGISTRATION_ACK, List.of("number", "replyWithin")),
            Map.entry(Purpose.EXTENSION_NOTICE, List.of("number", "deadline")),
            Map.entry(Purpose.RESOLUTION_NOTICE, List.of("number")),
            Map.entry(Purpose.PROMISE_KEPT, List.of("number", "reference")),
            Map.entry(Purpose.PROBLEM_SOLVED, List.of("number", "resolution")),
            Map.entry(Purpose.CLOSURE_NOTICE, List.of("number", "outcome")),
            Map.entry(Purpose.CALLBACK_SURVEY, List.of("number", "replyCode", "replyBy")),
            Map.entry(Purpose.NEW_TICKET, List.of("number", "ticketId", "category", "priority", "branch")),
            Map.entry(Purpose.SLA_WARNING, List.of("number", "ticketId", "limit", "deadline")),
            Map.entry(Purpose.ESCALATION_LEVEL_1, List.of("number", "ticketId", "branch", "limit", "deadline",
                    "reason")),
            Map.entry(Purpose.ESCALATION_LEVEL_2, List.of("number", "ticketId", "branch", "limit", "deadline",
                    "reason")),
            Map.entry(Purpose.TICKET_REOPENED, List.of("number", "ticketId", "reopenCount", "priority")),
            Map.entry(Purpose.DELIVERY_FAILED, List.of("complaintId", "purpose", "channel", "recipient", "attempts",
                    "lastError"))));

    private MessageMatrix() {
    }

    /** Every cell, grouped by purpose in the order of {@link Purpose}. */
    public static List<Cell> cells() {
        return CELLS;
    }

    /** The cells of the purpose: every message one cause of this purpose sends. */
    public static List<Cell> cellsOf(Purpose purpose) {
        return CELLS.stream().filter(cell -> cell.purpose() == purpose).toList();
    }

    /** Whether a message of the purpose goes to the recipient kind on the channel. */
    public static boolean contains(Purpose purpose, RecipientKind recipientKind, MessageChannel channel) {
        return CELLS.contains(new Cell(purpose, recipientKind, channel));
    }

    /** Whether a message of the purpose goes to the recipient kind on any channel. */
    public static boolean tells(Purpose purpose, RecipientKind recipientKind) {
        return CELLS.stream().anyMatch(cell -> cell.purpose() == purpose && cell.recipientKind() == recipientKind);
    }

    /**
     * The names of the variables the purpose's templates are filled with; each must be given to
     * {@link MessageTemplates#render}, though {@code limit} and {@code deadline} of an escalation may be null.
     */
    public static List<String> variables(Purpose purpose) {
        return VARIABLES.get(purpose);
    }
}
