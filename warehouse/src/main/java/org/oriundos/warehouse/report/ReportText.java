package org.oriundos.warehouse.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.oriundos.warehouse.report.render.Absent;
import org.oriundos.warehouse.report.render.Language;
import org.oriundos.warehouse.report.render.NumberText;

/**
 * Every word of the report in its language: the messages of {@code /report/messages_<code>.properties}
 * (UTF-8), with {@code {0}}, {@code {1}}, … replaced by their arguments, already written as text
 * (numbers through {@link #numbers()}). Both files hold the same keys; a key missing from one is a
 * bug the tests catch, never a word left in the other language.
 */
final class ReportText {
    private static final Map<Language, Map<String, String>> LOADED = new ConcurrentHashMap<>();

    private final Language language;
    private final Map<String, String> messages;

    ReportText(Language language) {
        this.language = language;
        this.messages = LOADED.computeIfAbsent(language, ReportText::load);
    }

    Language language() {
        return language;
    }

    NumberText numbers() {
        return language.numbers();
    }

    /** The message of {@code key}, its {@code {n}} replaced by the arguments' text. */
    String t(String key, Object... args) {
        String message = messages.get(key);
        if (message == null) {
            throw new IllegalStateException("the report has no " + language.code() + " message '" + key + "' in "
                    + resource(language));
        }
        if (args.length == 0) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length() + 32);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            int close = c == '{' ? message.indexOf('}', i) : -1;
            if (close > i + 1 && message.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(message.substring(i + 1, close));
                if (n >= args.length) {
                    throw new IllegalStateException("the " + language.code() + " message '" + key + "' uses {" + n
                            + "} but was given " + args.length + " argument(s)");
                }
                out.append(args[n]);
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the language has a message for {@code key} (for labels of codes that may be new). */
    boolean has(String key) {
        return messages.containsKey(key);
    }

    /**
     * The human label of a code from the data (a category, a source, a rule, a status): its message
     * {@code prefix.CODE} (spaces as underscores), or the code as written when there is none, so
     * a code the report does not know yet is shown rather than hidden.
     */
    String label(String prefix, String code) {
        if (code == null) {
            return t("label.unknown");
        }
        String key = prefix + "." + code.trim().replace(' ', '_');
        return has(key) ? t(key) : code;
    }

    /** A place name from the warehouse (a state, a grade), with its "Unknown" member in the report's language. */
    String place(String name) {
        return name == null || name.equals("Unknown") ? t("label.unknown") : name;
    }

    String category(String code) {
        return label("category", code);
    }

    String source(String code) {
        return label("source", code);
    }

    Absent noSnapshot() {
        return new Absent(t("absent.no_snapshot"));
    }

    Absent firstSnapshot() {
        return new Absent(t("absent.first_snapshot"));
    }

    Absent notDefined() {
        return new Absent(t("absent.not_defined"));
    }

    String count(long n) {
        return numbers().count(n);
    }

    /** The keys of a language's messages (for the tests). */
    static Set<String> keys(Language language) {
        return Collections.unmodifiableSet(LOADED.computeIfAbsent(language, ReportText::load).keySet());
    }

    static String message(Language language, String key) {
        return LOADED.computeIfAbsent(language, ReportText::load).get(key);
    }

    private static String resource(Language language) {
        return "/report/messages_" + language.code() + ".properties";
    }

    private static Map<String, String> load(Language language) {
        String resource = resource(language);
        try (InputStream in = ReportText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the report's messages " + resource + " are missing from the build");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            for (String name : p.stringPropertyNames()) {
                out.put(name, p.getProperty(name));
            }
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
