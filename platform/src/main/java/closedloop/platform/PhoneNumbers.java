package closedloop.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customers' phone numbers as the system compares, remembers and shows them. {@link #normalized} is the one form a
 * phone is known by, whatever the customer or an SMS gateway wrote (with or without +86, spaces or dashes): the
 * survey's reply key, the lockout of its replies, its acknowledgements. {@link #mask} is how it is shown or logged: the
 * first three and the last four digits stay, each digit between becomes {@code *} ({@code 13800138000} →
 * {@code 138****8000}), which is what a person needs to recognise a number and not enough to call it
 * (docs/architecture.md §9.10).
 */
public final class PhoneNumbers {

    /** The mask of one hidden digit. */
    public static final char HIDDEN = '*';

    private static final int KEPT_AT_START = 3;
    private static final int KEPT_AT_END = 4;
    private static final int MAINLAND_MOBILE_DIGITS = 11;
    private static final String[] MAINLAND_PREFIXES = {"0086", "86"};

    /**
     * A phone number inside a text, written as customers and gateways write them: a mainland mobile (11 digits from
     * {@code 13…} to {@code 19…}, optionally grouped 3-4-4 by spaces or dashes, after an optional {@code +86},
     * {@code 0086} or {@code 86}) or a landline with its area code ({@code 0531-88886666}); never part of a longer run
     * of digits.
     */
    private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?<![0-9])(?:(?:\\+|00)86[ -]?|86)?"
            + "(1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}|0[0-9]{2,3}[ -]?[0-9]{7,8})(?![0-9])");

    private PhoneNumbers() {
    }

    /** The number's digits without separators and without a +86/0086/86 prefix before an 11-digit mobile number. */
    public static String normalized(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        for (String prefix : MAINLAND_PREFIXES) {
            if (digits.startsWith(prefix) && digits.length() == prefix.length() + MAINLAND_MOBILE_DIGITS) {
                return digits.substring(prefix.length());
            }
        }
        return digits;
    }

    /** Whether both are the same number. */
    public static boolean same(String one, String other) {
        String normal = normalized(one);
        return !normal.isEmpty() && normal.equals(normalized(other));
    }

    /**
     * The {@linkplain #normalized normalized} number with every digit but the first three and the last four hidden:
     * {@code 138****8000}, also for {@code +86 138 0013 8000}, and {@code 053*****6666} for {@code 0531-88886666}. A
     * number of fewer than eight digits keeps none of them; null stays null.
     */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = normalized(phone);
        if (digits.length() < KEPT_AT_START + KEPT_AT_END + 1) {
            return String.valueOf(HIDDEN).repeat(Math.max(digits.length(), 1));
        }
        return digits.substring(0, KEPT_AT_START)
                + String.valueOf(HIDDEN).repeat(digits.length() - KEPT_AT_START - KEPT_AT_END)
                + digits.substring(digits.length() - KEPT_AT_END);
    }

    /**
     * The text with every phone number in it {@linkplain #mask(String) masked}, its country prefix kept as written
     * ({@code "call +86 138 0013 8000"} → {@code "call +86 138****8000"}); everything else, the complaint numbers,
     * dates and ids among it, unchanged. Null stays null.
     */
    public static String maskAll(String text) {
        if (text == null) {
            return null;
        }
        Matcher phone = PHONE_IN_TEXT.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        int from = 0;
        while (phone.find()) {
            masked.append(text, from, phone.start(1)).append(mask(phone.group(1)));
            from = phone.end(1);
        }
        return from == 0 ? text : masked.append(text, from, text.length()).toString();
    }

    /** Whether the text holds a phone number that {@link #maskAll(String)} would mask. */
    public static boolean containsPhone(String text) {
        return text != null && PHONE_IN_TEXT.matcher(text).find();
    }

    /**
     * What a record's own {@code toString()} would say, {@code Name[a=1, b=2]}, with every phone number in it masked:
     * the {@code toString()} of a record that holds a phone number and may end up in a log line (a request or response
     * body, which Spring logs at DEBUG, a value in an exception's message).
     */
    public static String toMaskedString(Record record) {
        StringJoiner components = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            components.add(component.getName() + "=" + valueOf(record, component.getAccessor()));
        }
        return maskAll(components.toString());
    }

    private static String valueOf(Record record, Method accessor) {
        try {
            accessor.trySetAccessible();
            return String.valueOf(accessor.invoke(record));
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            return "?";
        }
    }

    /**
     * The error as a log line may show it: its class name and message, every message in its causes and suppressed
     * errors {@linkplain #maskAll(String) masked}, the same stack traces. For logging an exception that may carry what
     * a customer sent; it prints as {@code closedloop.platform.PhoneNumbers$Masked: <class>: <masked message>}.
     */
    public static Throwable masked(Throwable error) {
        if (error == null) {
            return null;
        }
        String message = error.getMessage() == null ? error.getClass().getName()
                : error.getClass().getName() + ": " + maskAll(error.getMessage());
        Masked copy = new Masked(message, error.getCause() == null || error.getCause() == error ? null
                : masked(error.getCause()));
        copy.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            copy.addSuppressed(masked(suppressed));
        }
        return copy;
    }

    /** An exception retold with its message masked. */
    public static final class Masked extends RuntimeException {

        Masked(String message, Throwable cause) {
            super(message, cause, true, true);
        }
    }
}
