package closedloop.notification.contact;

/**
 * Compares the phone numbers customers gave with the ones an SMS gateway reports, which may carry +86, and gives the
 * one form by which a phone is remembered (the survey's reply key, the lockout of its replies, its acknowledgements).
 */
public final class PhoneNumbers {

    private static final int MAINLAND_MOBILE_DIGITS = 11;

    private PhoneNumbers() {
    }

    /** The number's digits without separators and without a +86/0086/86 prefix before an 11-digit mobile number. */
    public static String normalized(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        for (String prefix : new String[]{"0086", "86"}) {
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
}
