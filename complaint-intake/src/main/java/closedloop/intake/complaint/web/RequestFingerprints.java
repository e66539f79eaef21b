package closedloop.intake.complaint.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a request as it was understood (its record written back as JSON), so that the same content sent
 * again with other white space or field order counts as the same body.
 */
final class RequestFingerprints {

    private final ObjectMapper json;

    RequestFingerprints(ObjectMapper json) {
        this.json = json;
    }

    String of(Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
