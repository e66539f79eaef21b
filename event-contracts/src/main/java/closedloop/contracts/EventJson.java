package closedloop.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON body of an event: field names as in the records, instants and durations as ISO-8601 text,
 * unknown fields ignored so that additive changes never break an older consumer.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EventJson() {
    }

    public static String write(ClosedLoopEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + event, e);
        }
    }

    /** Reads an event body of the given type; throws {@link MalformedEventException} when it cannot. */
    public static ClosedLoopEvent read(EventType type, String json) {
        try {
            return MAPPER.readValue(json, type.recordType());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Cannot read " + type.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Thrown for a body that does not match its type id: a poison message, never worth retrying. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
