package closedloop.platform.web;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * How an outside system that calls a service without a token (the SMS gateway forwarding customers' replies) signs
 * each call, with a secret both sides share:
 * <ul>
 *   <li>{@value #TIMESTAMP}: when it signed the call, as Unix time in whole seconds (ASCII digits, {@code date +%s});
 *   <li>{@value #SIGNATURE}: HMAC-SHA256 keyed with the secret's UTF-8 bytes over the timestamp, one full stop and
 *       the request body exactly as sent, byte for byte ({@code <timestamp>.<body>}), as 64 hex digits (lower case
 *       when signing, either case when checking).
 * </ul>
 * With openssl: {@code printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET"}. The receiver checks the
 * signature over the bytes it received, never over a body it parsed and wrote again, compares in constant time, and
 * refuses a timestamp further from its clock than a tolerance, so that a recorded call cannot be played again later.
 */
public final class WebhookSignature {

    /** The header with the signature. */
    public static final String SIGNATURE = "X-Signature";
    /** The header with the time of signing, Unix seconds. */
    public static final String TIMESTAMP = "X-Timestamp";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;
    /** Up to 12 digits: Unix seconds until the year 33658, without overflowing a long. */
    private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{1,12}");

    private WebhookSignature() {
    }

    /** What a check of a call's signature found. */
    public enum Verdict {
        /** Signed with the secret, at a time close enough to now. */
        VALID,
        /** A header is missing or blank, or the timestamp is not Unix seconds. */
        UNSIGNED,
        /** The signature is not the body's under the secret and the timestamp. */
        BAD_SIGNATURE,
        /** Signed correctly, but further from now than the tolerance: a replay, or a clock far off. */
        STALE
    }

    /** The signature of the body at this timestamp: HMAC-SHA256 over {@code <timestamp>.<body>}, lower-case hex. */
    public static String sign(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /** The {@value #TIMESTAMP} value for this instant: its Unix time in whole seconds. */
    public static String timestamp(Instant at) {
        return Long.toString(at.getEpochSecond());
    }

    /**
     * Checks a call: both headers given, the signature the body's under the secret (compared in constant time), and
     * the timestamp within {@code tolerance} of {@code now}, before or after.
     *
     * @param timestamp the {@value #TIMESTAMP} header as received; null when absent
     * @param signature the {@value #SIGNATURE} header as received; null when absent
     * @param body      the body exactly as received; empty when there is none
     */
    public static Verdict check(String secret, String timestamp, String signature, byte[] body, Instant now,
                                Duration tolerance) {
        if (timestamp == null || signature == null || !UNIX_SECONDS.matcher(timestamp.strip()).matches()) {
            return Verdict.UNSIGNED;
        }
        String signedAt = timestamp.strip();
        if (!MessageDigest.isEqual(mac(secret, signedAt, body), decoded(signature.strip()))) {
            return Verdict.BAD_SIGNATURE;
        }
        long skew = Math.abs(Long.parseLong(signedAt) - now.getEpochSecond());
        return skew > tolerance.toSeconds() ? Verdict.STALE : Verdict.VALID;
    }

    /** The signature's bytes; a value that is not 64 hex digits decodes to nothing any MAC equals. */
    private static byte[] decoded(String signature) {
        if (signature.length() != 2 * SIGNATURE_BYTES) {
            return new byte[0];
        }
        try {
            return HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException notHex) {
            return new byte[0];
        }
    }

    private static byte[] mac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
