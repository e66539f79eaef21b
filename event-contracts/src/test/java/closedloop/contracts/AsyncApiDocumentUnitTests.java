package closedloop.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/asyncapi.yaml} is what {@link AsyncApiDocument} generates from the catalogue of events, so another team
 * can subscribe without reading Java: every topic and its dead-letter twin, every event type on its topic with its
 * CloudEvents type id, and a body schema with exactly the fields of the event's golden JSON.
 */
class AsyncApiDocumentUnitTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode document = AsyncApiDocument.document();

    @Test
    void keepsDocsAsyncapiYamlAsTheEventContractsGenerateIt() throws IOException {
        String generated = AsyncApiDocument.yaml();
        if (Boolean.getBoolean(AsyncApiDocument.WRITE)) {
            Files.writeString(AsyncApiDocument.file(), generated);
        }
        String kept = Files.exists(AsyncApiDocument.file()) ? Files.readString(AsyncApiDocument.file()) : "";

        assertThat(kept.replace("\r\n", "\n"))
                .as("docs/asyncapi.yaml differs from what the event contracts generate: regenerate it with "
                        + AsyncApiDocument.REGENERATE + " and review the difference")
                .isEqualTo(generated);
    }

    @Test
    void keepsTheDocumentItReadsBackAsYaml() throws IOException {
        assertThat(YAML.readTree(AsyncApiDocument.yaml())).isEqualTo(document);
    }

    @Test
    void describesEveryTopicAndItsDeadLetterTwin() {
        List<String> expected = new ArrayList<>();
        Topics.ALL.forEach(topic -> expected.addAll(List.of(topic, Topics.deadLetter(topic))));

        assertThat(names(document.get("channels"))).containsExactlyElementsOf(expected);
        Topics.ALL.forEach(topic -> assertThat(document.at("/channels/" + topic + "/address").asText())
                .isEqualTo(topic));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void describesEachEventOnItsTopicWithItsTypeIdKeyAndHeaders(EventType type) {
        JsonNode message = document.at("/components/messages/" + type.id());

        assertThat(document.at("/channels/" + type.topic() + "/messages/" + type.id() + "/$ref").asText())
                .isEqualTo("#/components/messages/" + type.id());
        assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asText()).isEqualTo(type.id());
        assertThat(message.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
        assertThat(message.at("/examples/0/payload")).isEqualTo(Golden.tree(Golden.json(type)));
        assertThat(message.at("/examples/0/headers/ce_type").asText()).isEqualTo(type.id());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void givesEachEventABodySchemaWithExactlyTheFieldsOfItsGoldenJson(EventType type) {
        JsonNode payload = document.at("/components/messages/" + type.id() + "/payload");
        JsonNode golden = Golden.tree(Golden.json(type));

        assertThat(schemaPaths(payload, "", golden)).as("fields of %s", type.id())
                .isEqualTo(jsonPaths(golden, ""));
        assertThat(resolve(payload).get("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(requiredOf(type));
    }

    @Test
    void resolvesEveryReferenceInsideTheDocument() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty().allSatisfy(reference -> assertThat(resolve(reference).isMissingNode())
                .as(reference).isFalse());
    }

    private List<String> requiredOf(EventType type) {
        List<String> required = new ArrayList<>(AsyncApiDocument.ENVELOPE);
        for (var component : type.recordType().getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
            }
        }
        return required;
    }

    /** The field paths a schema allows, descending into an object where the golden body has one. */
    private TreeSet<String> schemaPaths(JsonNode schema, String prefix, JsonNode golden) {
        TreeSet<String> paths = new TreeSet<>();
        JsonNode object = resolve(schema);
        for (Iterator<Map.Entry<String, JsonNode>> properties = object.path("properties").fields();
             properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            paths.add(prefix + property.getKey());
            JsonNode value = golden.path(property.getKey());
            if (value.isObject()) {
                paths.addAll(schemaPaths(property.getValue(), prefix + property.getKey() + ".", value));
            }
        }
        return paths;
    }

    private static TreeSet<String> jsonPaths(JsonNode node, String prefix) {
        TreeSet<String> paths = new TreeSet<>();
        node.fields().forEachRemaining(field -> {
            paths.add(prefix + field.getKey());
            if (field.getValue().isObject()) {
                paths.addAll(jsonPaths(field.getValue(), prefix + field.getKey() + "."));
            }
        });
        return paths;
    }

    /** A schema with its reference followed, the non-null choice of a nullable one, the object part of a whole. */
    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            return resolve(resolve(schema.get("$ref").asText()));
        }
        for (JsonNode part : schema.path("allOf")) {
            if (resolve(part).has("properties")) {
                return resolve(part);
            }
        }
        for (String choice : List.of("anyOf", "oneOf")) {
            for (JsonNode option : schema.path(choice)) {
                if (!"null".equals(option.path("type").asText())) {
                    return resolve(option);
                }
            }
        }
        return schema;
    }

    private JsonNode resolve(String reference) {
        return document.at(reference.substring(1));
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectReferences(child, references));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
