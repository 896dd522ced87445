package org.yogaflow.generator.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Position;

/**
 * The studio's own settings from the optional {@code content/site.yaml}, so a studio's title,
 * address and API live with its content instead of in every command line. A field that is
 * absent is null here; the command fills it from its flag or the default ({@link #or}).
 *
 * @param apiUrl the account API's base URL; an empty value (as opposed to none) means a
 *               read-only site
 */
public record SiteConfig(String title, String tagline, String language, String baseUrl, String apiUrl,
        String contactEmail) {

    public static final String FILE = "site.yaml";
    public static final SiteConfig NONE = new SiteConfig(null, null, null, null, null, null);

    private static final Pattern URL = Pattern.compile("https?://[^/?#\\s]+(/[^?#\\s]*)?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Reads {@code site.yaml} from the content folder; {@link #NONE} when there is none. */
    public static SiteConfig load(Path contentDir, Diagnostics diagnostics) {
        Path dir = contentDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return NONE;
        Path repo = dir.getParent() == null ? dir : dir.getParent();
        String display = repo.relativize(file).toString().replace('\\', '/');
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            diagnostics.error(Position.file(display), "file is not valid UTF-8 text", "save it as UTF-8 in your editor");
            return NONE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + display, e);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        SourceFile source = new SourceFile(file, display, text);
        Optional<YamlNode> root = YamlReader.read(text, source, 0, diagnostics);
        if (root.isEmpty()) return NONE;
        if (!(root.get() instanceof YamlNode.Mapping mapping)) {
            diagnostics.error(root.get().position(), "site settings must be fields, not " + root.get().kind(),
                    "write lines like 'title: Lotus Studio'");
            return NONE;
        }
        Map<String, Position> positions = new HashMap<>();
        Fields fields = new Fields(mapping, "site.yaml", "", positions, diagnostics);
        Reader read = (key, format, expected, emptyMeansNone) -> {
            String value = fields.optionalText(key);
            if (value == null && positions.containsKey(key) && fields.node(key).isEmpty()) value = ""; // "key:" alone
            if (value == null || (value.isEmpty() && emptyMeansNone)) return value;
            if (value.isEmpty()) {
                diagnostics.error(positions.get(key), "'" + key + "' is empty", "write " + expected + ", or remove the line");
                return null;
            }
            if (format != null && !format.matcher(value).matches()) {
                diagnostics.error(positions.get(key), "'" + key + "' must be " + expected + ", not '" + value + "'",
                        "write " + expected);
                return null;
            }
            return value;
        };
        SiteConfig config = new SiteConfig(
                read.text("title", null, "the studio's name", false),
                read.text("tagline", null, "a short line under the title", false),
                read.text("language", LANGUAGE, "a language tag such as 'en' or 'de-CH'", false),
                read.text("base_url", URL, "an absolute URL such as 'https://yoga.example/'", false),
                read.text("api_url", URL, "an absolute URL such as 'https://api.yoga.example/api/v1'", true),
                read.text("contact_email", EMAIL, "an address such as 'hello@yoga.example'", true));
        fields.rejectUnknown();
        return config;
    }

    private interface Reader {
        /** The text of {@code key}, null when absent; a value not matching {@code format} is reported and dropped. */
        String text(String key, Pattern format, String expected, boolean emptyMeansNone);
    }

    /** These settings, with every field this file left unset taken from {@code fallback}. */
    public SiteConfig or(SiteConfig fallback) {
        return new SiteConfig(first(title, fallback.title), first(tagline, fallback.tagline),
                first(language, fallback.language), first(baseUrl, fallback.baseUrl), first(apiUrl, fallback.apiUrl),
                first(contactEmail, fallback.contactEmail));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
