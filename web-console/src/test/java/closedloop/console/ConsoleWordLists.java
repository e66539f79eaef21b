package closedloop.console;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The console's word lists as its own ES modules define them, read by running them in GraalJS rather than by parsing
 * them by hand: every module under {@code static/js} that calls {@code addMessages} (messages.js, the pages'
 * {@code *-messages.js}) runs against a stand-in for i18n.js that keeps what each hands over. Also the languages
 * i18n.js offers (the real module, run with the two browser globals it reads) and the shared {@code VOCABULARY}
 * of messages.js. The scripts are read from the classpath, so that local-stack's tests read them from the console's
 * jar as its own tests do from its build.
 */
public final class ConsoleWordLists {

    private static final String SCRIPTS = "static/js/";
    private static final String I18N = "i18n.js";
    private static final String STAND_IN = """
            // A stand-in for i18n.js in the word-list tests: keeps every word list handed over.
            export function addMessages(messages) {
              globalThis.wordLists.push(messages);
            }
            """;
    private static final String BROWSER = """
            globalThis.navigator = { language: 'en' };
            globalThis.localStorage = { getItem: () => null, setItem: () => {} };
            """;

    /**
     * The words one module hands over.
     *
     * @param module    the module's path under {@code static/js}, e.g. {@code pages/agent-messages.js}
     * @param languages per language (as the module names it), each key's words; {@code null} for a word that is no
     *                  text
     */
    public record WordList(String module, Map<String, Map<String, String>> languages) {

        /** The keys the module gives words for in the language; none when it leaves the language out. */
        public Set<String> keys(String language) {
            return languages.getOrDefault(language, Map.of()).keySet();
        }
    }

    private final List<String> languages;
    private final List<WordList> lists;
    private final Map<String, List<String>> vocabulary;

    private ConsoleWordLists(List<String> languages, List<WordList> lists, Map<String, List<String>> vocabulary) {
        this.languages = languages;
        this.lists = lists;
        this.vocabulary = vocabulary;
    }

    /** Runs the console's scripts as they are on the classpath. */
    public static ConsoleWordLists read() {
        Path folder = copyOfTheScripts();
        try (Context js = Context.newBuilder("js")
                .allowIO(IOAccess.newBuilder().allowHostFileAccess(true).build())
                .allowExperimentalOptions(true)
                .option("js.esm-eval-returns-exports", "true")
                .option("engine.WarnInterpreterOnly", "false")
                .build()) {
            js.eval("js", BROWSER);
            List<String> offered = strings(run(js, folder.resolve("i18n-offered.js")).getMember("LANGUAGES"));
            List<WordList> lists = new ArrayList<>();
            Map<String, List<String>> vocabulary = new LinkedHashMap<>();
            for (Path module : wordListModules(folder)) {
                js.eval("js", "globalThis.wordLists = [];");
                Value exports = run(js, module);
                Value handed = js.getBindings("js").getMember("wordLists");
                String name = folder.relativize(module).toString().replace('\\', '/');
                for (long i = 0; i < handed.getArraySize(); i++) {
                    lists.add(new WordList(name, dictionaries(handed.getArrayElement(i))));
                }
                if (exports.hasMember("VOCABULARY")) {
                    Value choices = exports.getMember("VOCABULARY");
                    choices.getMemberKeys().forEach(key -> vocabulary.put(key, strings(choices.getMember(key))));
                }
            }
            return new ConsoleWordLists(offered, List.copyOf(lists), vocabulary);
        } finally {
            FileSystemUtils.deleteRecursively(folder.toFile());
        }
    }

    /** The languages i18n.js offers, e.g. zh-CN and en. */
    public List<String> languages() {
        return languages;
    }

    /** Every word list, in the order of the modules' paths. */
    public List<WordList> lists() {
        return lists;
    }

    /** The vocabularies the console offers as choices, e.g. {@code channel} → HOTLINE, COUNTER …, in order. */
    public Map<String, List<String>> vocabulary() {
        return vocabulary;
    }

    /** Every key of every word list in the language. */
    public Set<String> keys(String language) {
        Set<String> keys = new LinkedHashSet<>();
        lists.forEach(list -> keys.addAll(list.keys(language)));
        return keys;
    }

    /**
     * The values a group of words names, in English: for {@code channel}, HOTLINE, COUNTER … of the keys
     * {@code channel.HOTLINE}, {@code channel.COUNTER} …; a key with more segments after the group (as
     * {@code clock.state.PAUSED} below {@code clock}) belongs to another group.
     */
    public Set<String> valuesNamed(String group) {
        Set<String> values = new LinkedHashSet<>();
        keys("en").stream()
                .filter(key -> key.startsWith(group + "."))
                .map(key -> key.substring(group.length() + 1))
                .filter(value -> !value.contains("."))
                .forEach(values::add);
        return values;
    }

    private static Value run(Context js, Path module) {
        try {
            return js.eval(Source.newBuilder("js", module.toFile()).mimeType("application/javascript+module").build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Map<String, String>> dictionaries(Value messages) {
        Map<String, Map<String, String>> languages = new LinkedHashMap<>();
        for (String language : messages.getMemberKeys()) {
            Value dictionary = messages.getMember(language);
            Map<String, String> words = new LinkedHashMap<>();
            dictionary.getMemberKeys().forEach(key -> {
                Value text = dictionary.getMember(key);
                words.put(key, text.isString() ? text.asString() : null);
            });
            languages.put(language, words);
        }
        return languages;
    }

    private static List<String> strings(Value array) {
        List<String> strings = new ArrayList<>();
        for (long i = 0; i < array.getArraySize(); i++) {
            strings.add(array.getArrayElement(i).asString());
        }
        return strings;
    }

    /** The modules that hand words over (not i18n.js, which takes them), in the order of their paths. */
    private static List<Path> wordListModules(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".js"))
                    .filter(file -> !file.getFileName().toString().startsWith("i18n"))
                    .filter(file -> read(file).contains("addMessages("))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The console's scripts in a fresh folder, with the stand-in in place of i18n.js and the real one beside it as
     * i18n-offered.js.
     */
    private static Path copyOfTheScripts() {
        try {
            Path folder = Files.createTempDirectory("console-js-");
            Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:" + SCRIPTS + "**/*.js");
            if (scripts.length == 0) {
                throw new IllegalStateException("No console scripts on the classpath under " + SCRIPTS);
            }
            for (Resource script : scripts) {
                String url = script.getURL().toString();
                Path copy = folder.resolve(url.substring(url.lastIndexOf("/" + SCRIPTS) + SCRIPTS.length() + 1));
                Files.createDirectories(copy.getParent());
                try (InputStream in = script.getInputStream()) {
                    Files.copy(in, copy);
                }
            }
            Files.move(folder.resolve(I18N), folder.resolve("i18n-offered.js"));
            Files.writeString(folder.resolve(I18N), STAND_IN);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
