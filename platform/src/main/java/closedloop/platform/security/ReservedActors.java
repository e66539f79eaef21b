package closedloop.platform.security;

import java.util.Locale;
import java.util.Set;

/** The actor names the system writes itself; no caller may claim one. */
public final class ReservedActors {

    /** The longest actor name a token may carry. */
    public static final int MAX_LENGTH = 64;

    private static final Set<String> NAMES = Set.of("system", "configuration", "anonymous");
    private static final String SMS_PREFIX = "sms:";

    private ReservedActors() {
    }

    /** Whether {@code name} is the system's own (e.g. {@code system}, {@code sms:…}). */
    public static boolean isReserved(String name) {
        String normalized = name.strip().toLowerCase(Locale.ROOT);
        return NAMES.contains(normalized) || normalized.startsWith(SMS_PREFIX);
    }
}
