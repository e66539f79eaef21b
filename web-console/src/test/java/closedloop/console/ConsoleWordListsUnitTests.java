package closedloop.console;

import closedloop.console.ConsoleWordLists.WordList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's word lists, as its scripts hand them to i18n.js: every key has words in both languages, with the
 * same placeholders, and every choice the console offers has its words. A missing word would show its key on screen.
 */
class ConsoleWordListsUnitTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    static ConsoleWordLists words;

    @BeforeAll
    static void runTheConsolesScripts() {
        words = ConsoleWordLists.read();
    }

    @Test
    void offersChineseAndEnglish() {
        assertThat(words.languages()).containsExactlyInAnyOrder("zh-CN", "en");
    }

    @Test
    void readsTheSharedWordsAndEveryPagesWords() {
        assertThat(words.lists()).extracting(WordList::module).containsExactly("messages.js",
                "pages/admin-messages.js", "pages/agent-messages.js", "pages/dispatcher-messages.js",
                "pages/supervisor-messages.js");
    }

    @Test
    void everyWordListSpeaksEveryLanguageOffered() {
        assertThat(words.lists()).allSatisfy(list -> assertThat(list.languages().keySet()).as(list.module())
                .containsExactlyInAnyOrderElementsOf(words.languages()));
    }

    @Test
    void everyKeyHasWordsInEveryLanguage() {
        List<String> gaps = new ArrayList<>();
        for (WordList list : words.lists()) {
            Set<String> all = new TreeSet<>();
            words.languages().forEach(language -> all.addAll(list.keys(language)));
            for (String language : words.languages()) {
                Set<String> missing = new TreeSet<>(all);
                missing.removeAll(list.keys(language));
                if (!missing.isEmpty()) {
                    gaps.add(list.module() + " has no " + language + " words for " + missing);
                }
            }
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void everyWordIsText() {
        List<String> notText = new ArrayList<>();
        words.lists().forEach(list -> list.languages().forEach((language, dictionary) -> dictionary.forEach(
                (key, text) -> {
                    if (text == null || text.isBlank()) {
                        notText.add(list.module() + " " + language + " " + key);
                    }
                })));
        assertThat(notText).isEmpty();
    }

    @Test
    void everyLanguageFillsInTheSamePlaceholders() {
        List<String> differing = new ArrayList<>();
        for (WordList list : words.lists()) {
            Map<String, String> english = list.languages().getOrDefault("en", Map.of());
            english.forEach((key, text) -> words.languages().forEach(language -> {
                String other = list.languages().getOrDefault(language, Map.of()).get(key);
                if (other != null && !placeholders(other).equals(placeholders(text))) {
                    differing.add(list.module() + " " + key + ": en " + placeholders(text) + ", " + language + " "
                            + placeholders(other));
                }
            }));
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void noWordListTakesAnotherOnesKey() {
        Map<String, String> owner = new HashMap<>();
        List<String> taken = new ArrayList<>();
        for (WordList list : words.lists()) {
            for (String key : list.keys("en")) {
                String first = owner.putIfAbsent(key, list.module());
                if (first != null && !first.equals(list.module())) {
                    taken.add(key + " in " + first + " and " + list.module());
                }
            }
        }
        assertThat(taken).isEmpty();
    }

    @Test
    void everyChoiceOfTheVocabularyHasItsWords() {
        assertThat(words.vocabulary()).isNotEmpty();
        words.vocabulary().forEach((vocabulary, values) -> assertThat(words.valuesNamed(vocabulary)).as(vocabulary)
                .containsAll(values));
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return new TreeSet<>(names);
    }
}
