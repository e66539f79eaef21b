package closedloop.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden JSON of every event type, kept under {@code contracts/<type id>.json}: one canonical example
 * that producers' tests compare their output to and consumers' tests feed to their listeners.
 */
public final class Golden {

    public static final String COMPLAINT_ID = "0b7e3c1a-5d2f-4c1e-9a57-3f1d2e4b6a70";
    public static final String TICKET_ID = "5f0c2b9e-7a41-4d3b-8e16-2c9d4f7a1b38";
    public static final String PROBLEM_ID = "PB-3f9a2c71b0de";
    public static final String CALLBACK_ID = "9d2e6f4a-1b3c-4e5d-8f7a-6b5c4d3e2f10";
    public static final Instant AT = Instant.parse("2026-11-22T02:30:00Z");

    private static final ObjectMapper TREE = new ObjectMapper();

    private Golden() {
    }

    /** The golden body of this event type, as the bytes on the wire. */
    public static String json(EventType type) {
        try (InputStream in = Golden.class.getResourceAsStream("/contracts/" + type.id() + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No golden JSON for " + type.id());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden event of this type, read through the production reader. */
    public static ClosedLoopEvent event(EventType type) {
        return EventJson.read(type, json(type));
    }

    /** Asserts that what a producer wrote has exactly the fields of the golden body: no field lost, none renamed. */
    public static void assertSameShape(ClosedLoopEvent produced) {
        EventType type = EventType.of(produced);
        assertThat(fieldPaths(tree(EventJson.write(produced)), ""))
                .as("fields of %s", type.id())
                .isEqualTo(fieldPaths(tree(json(type)), ""));
    }

    static JsonNode tree(String json) {
        try {
            return TREE.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TreeSet<String> fieldPaths(JsonNode node, String prefix) {
        TreeSet<String> paths = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            paths.add(prefix + name);
            if (node.get(name).isObject()) {
                paths.addAll(fieldPaths(node.get(name), prefix + name + "."));
            }
        }
        return paths;
    }

    /** A fixed event id per type, so the golden files never change by accident. */
    static UUID idOf(EventType type) {
        return UUID.nameUUIDFromBytes(type.id().getBytes(StandardCharsets.UTF_8));
    }
}
