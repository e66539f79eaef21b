package closedloop.deploy;

import closedloop.platform.PlatformDefaults;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settings a deployment must set for each deployable, read from the code rather than listed by hand: every
 * setting whose embedded default only works on the embedded default (an address on {@code localhost}) or only in a
 * demo (a value naming itself a demo, such as a client secret), in the deployable's configuration file or the
 * platform's shared defaults; and, for the services, the broker and the store, whose defaults are Spring Boot's own
 * {@code localhost} ones.
 */
final class RequiredSettings {

    static final String KAFKA = "spring.kafka.bootstrap-servers";
    static final String MONGODB = "spring.data.mongodb.uri";

    private RequiredSettings() {
    }

    static Set<String> of(Deployable deployable) {
        Map<String, String> defaults = defaults(deployable);
        Set<String> required = new TreeSet<>();
        defaults.forEach((name, value) -> {
            if (onlyForTheEmbeddedDefault(value)) {
                required.add(name);
            }
        });
        if (deployable.isService()) {
            required.add(KAFKA);
            required.add(MONGODB);
        }
        return required;
    }

    /** Every default the deployable starts with: its own file's, over the platform's for a service. */
    static Map<String, String> defaults(Deployable deployable) {
        Map<String, String> defaults = new TreeMap<>();
        if (deployable.isService()) {
            PlatformDefaults.defaults().forEach((name, value) -> defaults.put(name, String.valueOf(value)));
        }
        flatten("", RepositoryFiles.yaml(deployable.configuration()), defaults);
        return defaults;
    }

    static boolean onlyForTheEmbeddedDefault(String value) {
        String lower = value.toLowerCase();
        return lower.contains("localhost") || lower.contains("demo");
    }

    /**
     * The environment variable that sets a setting, by Spring Boot's relaxed binding: dots become underscores, dashes
     * go, list indexes become {@code _n_}, all in capitals ({@code closedloop.console.services.complaint-intake} is
     * {@code CLOSEDLOOP_CONSOLE_SERVICES_COMPLAINTINTAKE}).
     */
    static String environmentVariable(String setting) {
        return setting.replaceAll("\\[(\\d+)]", ".$1").replace("-", "").replace('.', '_').toUpperCase();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            into.put(prefix, node.asText());
        }
    }
}
