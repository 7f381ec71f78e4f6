package id.pintu.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The office's mail templates: {@code <templatesDirectory>/<name>.txt}, first line {@code Subjek: ...}, a blank
 * line, then the body, with {@code ${name}} placeholders. Files are read at every use, so an edit by the office
 * applies to the next mail without a restart. Placeholders are replaced in one pass over the template only:
 * a value that itself contains {@code ${...}} is written as it is, never expanded.
 */
@Component
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_-]*)}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String SUBJECT_PREFIX = "Subjek:";

    public record Rendered(String subject, String body) {}

    private final Path directory;

    public MailTemplates(MailProperties properties) {
        this.directory = Path.of(properties.templatesDirectory());
    }

    /** Whether {@code template} can name a template file (lower-case letters, digits and hyphens). */
    public static boolean isName(String template) {
        return NAME.matcher(template).matches();
    }

    public Rendered render(String template, Map<String, String> values) {
        if (!isName(template)) {
            throw new IllegalArgumentException("not a template name: " + template);
        }
        Path file = directory.resolve(template + ".txt");
        String text;
        try {
            // Notepad's "UTF-8 with BOM" puts U+FEFF before "Subjek:": not part of the text, and it failed the
            // template for good (checked only at start-up)
            text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").replaceFirst("^\uFEFF", "");
        } catch (IOException e) {
            throw new UncheckedIOException("mail template " + file + " cannot be read", e);
        }
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (!first.startsWith(SUBJECT_PREFIX)) {
            throw new IllegalStateException(noSubject(file));
        }
        String subject = fill(first.substring(SUBJECT_PREFIX.length()).strip(), values);
        String body = end < 0 ? "" : fill(text.substring(end + 1).replaceFirst("^\n", ""), values);
        return new Rendered(oneLine(subject), body);
    }

    /**
     * What keeps {@code template} from being rendered now (no such file, unreadable, no subject line), if anything: so
     * that the hub refuses to start without a template it needs, rather than fail on the first mail that needs it.
     */
    public Optional<String> problem(String template) {
        if (!isName(template)) {
            return Optional.of("not a template name: '" + template + "'");
        }
        Path file = directory.resolve(template + ".txt");
        if (!Files.isRegularFile(file)) {
            return Optional.of("no file " + file);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            return first != null && first.replaceFirst("^\uFEFF", "").startsWith(SUBJECT_PREFIX) ? Optional.empty()
                    : Optional.of(noSubject(file));
        } catch (IOException e) {
            return Optional.of("mail template " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Fails with every problem of the templates {@code user} needs. */
    public void require(String user, List<String> names) {
        List<String> problems = names.stream().map(this::problem).flatMap(Optional::stream).toList();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Mail templates the " + user + " needs:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private static String noSubject(Path file) {
        return "mail template " + file + ": the first line must be '" + SUBJECT_PREFIX + " ...'";
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "-" : clean(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Control characters other than line breaks and tabs have no place in a letter. */
    static String clean(String value) {
        return value.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
    }

    /** A header value: CR and LF removed, so no value can add a header (header injection). */
    public static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ").strip();
    }
}
