package org.yogaflow.generator.render;

import java.util.Optional;

/**
 * A fast renderer for the plain Markdown that nearly every pose and sequence is written in:
 * paragraphs, ATX headings, tight numbered and bulleted lists, and {@code **strong**} and
 * {@code *em*} text. It gives exactly the HTML that {@link MarkdownRenderer}'s commonmark path
 * gives (heading shift and escaping included), and declines everything else, so the caller
 * falls back to commonmark: links, code, HTML, entities, escapes, hard breaks, block quotes,
 * loose or nested lists, and any emphasis that is not the simplest case keep the full
 * parser's handling. Under the C1-only JIT of a cold build, commonmark takes about 100 µs
 * for a typical pose body; this takes about a tenth of that.
 *
 * <p>The subset is that of commonmark with no extensions; characters that an extension would
 * give a meaning ({@code |} for tables, {@code ~} for strikethrough) are declined too, so adding
 * one to the parser cannot make the two paths disagree unnoticed.
 */
final class PlainMarkdown {

    /** Thrown when the text is outside the subset: the caller uses commonmark instead. */
    private static final class Decline extends RuntimeException {
        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    /**
     * Characters whose text is declined: entities, HTML and autolinks, escapes, code, links and
     * images, the table and strikethrough syntax of extensions, tabs (columns), '\r', and other
     * control characters (commonmark replaces NUL). '\n' is marked too, to count the lines.
     */
    private static final boolean[] DECLINED = new boolean[0x80];

    /** Characters that {@link #inline} handles one by one. */
    private static final boolean[] INLINE = new boolean[0x80];

    static {
        for (char c = 0; c < ' '; c++) DECLINED[c] = true;
        for (char c : "&<\\`[]|~".toCharArray()) DECLINED[c] = true;
        DECLINED[0x7F] = true;
        for (char c : "\n\">_*".toCharArray()) INLINE[c] = true;
    }

    // What surrounds a run of '*', for CommonMark's left- and right-flanking rules.
    private static final int WHITESPACE = 0; // also the start and end of the text
    private static final int PUNCTUATION = 1;
    private static final int OTHER = 2; // letters and digits

    private final char[] text; // indexing an array is much cheaper than charAt under the C1-only JIT
    private final int[] lineStart; // index of each line's first character
    private final int[] lineEnd; // index just after each line's last character (its '\n' or the end)
    private final int lineCount;
    private final int shift; // added to every heading level, as MarkdownRenderer does
    private final StringBuilder out;
    private int line; // index of the current line
    private char markerKind; // set by itemContent: '-' or '*' for a bullet, '.' for a number
    private int markerNumber; // set by itemContent for a numbered item

    private PlainMarkdown(char[] text, int lines, int topLevel) {
        this.text = text;
        lineStart = new int[lines];
        lineEnd = new int[lines];
        lineCount = lines;
        int highest = 7;
        for (int n = 0, start = 0; n < lines; n++) {
            int end = start;
            while (end < text.length && text[end] != '\n') end++;
            lineStart[n] = start;
            lineEnd[n] = end;
            // Every line starting with '#' is a heading here (or the text is declined later).
            int hashes = 0;
            while (start + hashes < end && text[start + hashes] == '#') hashes++;
            if (hashes > 0 && hashes <= 6) highest = Math.min(highest, hashes);
            start = end + 1;
        }
        shift = highest < 7 ? topLevel - highest : 0;
        out = new StringBuilder(text.length + text.length / 4 + 16);
    }

    /** The HTML commonmark would give, or empty when the text is not in the subset. */
    static Optional<String> render(String markdown, int topLevel) {
        // commonmark ends a line at "\r\n" just as at "\n"; a lone '\r' is declined below.
        char[] text = (markdown.indexOf('\r') >= 0 ? markdown.replace("\r\n", "\n") : markdown).toCharArray();
        int lines = 1;
        for (char c : text) {
            if (c < DECLINED.length && DECLINED[c]) {
                if (c != '\n') return Optional.empty();
                lines++;
            }
        }
        try {
            return Optional.of(new PlainMarkdown(text, lines, topLevel).document());
        } catch (Decline e) {
            return Optional.empty();
        }
    }

    private String document() {
        while (line < lineCount) {
            if (isBlank(line)) {
                line++;
            } else if (text[lineStart[line]] == '#') {
                heading();
            } else if (itemContent(line) > 0) {
                list();
            } else {
                paragraph();
            }
        }
        return out.toString();
    }

    /** "# Text" to "###### Text": one space after the hashes, no closing hashes. */
    private void heading() {
        int start = lineStart[line];
        int end = lineEnd[line];
        int hashes = 0;
        while (start + hashes < end && text[start + hashes] == '#') hashes++;
        int from = start + hashes + 1;
        // More than six hashes is a paragraph, no space is a paragraph, an empty heading and
        // several spaces are possible but left to commonmark.
        if (hashes > 6 || from >= end || text[from - 1] != ' ' || text[from] == ' ') throw DECLINE;
        // A closing sequence ("# Title #") is stripped by commonmark: any '#' in the text is declined.
        for (int i = from; i < end; i++) {
            if (text[i] == '#') throw DECLINE;
        }
        if (text[end - 1] == ' ') throw DECLINE;
        int level = Math.max(1, Math.min(6, hashes + shift));
        out.append("<h").append(level).append('>');
        inline(from, end);
        out.append("</h").append(level).append(">\n");
        line++;
    }

    /** Lines of text up to a blank line, a heading or a list item that may interrupt a paragraph. */
    private void paragraph() {
        int from = lineStart[line];
        checkText(line, 0);
        line++;
        while (line < lineCount && !isBlank(line)) {
            if (text[lineStart[line]] == '#') break; // a heading (or declined as one)
            if (itemContent(line) > 0) {
                // A bullet, or a numbered item starting at 1, starts a list; other numbers continue the paragraph.
                if (markerKind == '.' && markerNumber != 1) throw DECLINE;
                break;
            }
            checkText(line, 0);
            line++;
        }
        out.append("<p>");
        inline(from, lineEnd[line - 1]);
        out.append("</p>\n");
    }

    /**
     * A tight list whose items each hold one paragraph: a marker line and continuation lines
     * indented exactly to its content. It ends at a blank line followed by a paragraph or a
     * heading, or at the end of the text; anything else is declined.
     */
    private void list() {
        int content = itemContent(line);
        char kind = markerKind;
        if (kind != '.') {
            out.append("<ul>\n");
        } else if (markerNumber == 1) {
            out.append("<ol>\n");
        } else {
            out.append("<ol start=\"").append(markerNumber).append("\">\n");
        }
        while (true) {
            checkText(line, content);
            int from = lineStart[line] + content;
            line++;
            while (line < lineCount && !isBlank(line) && isContinuation(line, content)) line++;
            out.append("<li>");
            inline(from, lineEnd[line - 1]);
            out.append("</li>\n");
            if (line >= lineCount) break;
            if (isBlank(line)) {
                int next = line;
                while (next < lineCount && isBlank(next)) next++;
                // An indented line would continue the item, an item would make the list loose
                // (or start a second list): both are declined.
                if (next < lineCount && (text[lineStart[next]] == ' ' || itemContent(next) > 0)) throw DECLINE;
                break;
            }
            // A lazy continuation line, a heading, a wrongly indented line or a list of another kind.
            content = itemContent(line);
            if (content < 0 || markerKind != kind) throw DECLINE;
        }
        out.append(kind == '.' ? "</ol>\n" : "</ul>\n");
    }

    /** Whether the (non-blank) line continues an item's paragraph: exactly {@code content} spaces, then text. */
    private boolean isContinuation(int lineIndex, int content) {
        int start = lineStart[lineIndex];
        if (text[start] != ' ') return false;
        if (lineEnd[lineIndex] - start <= content) throw DECLINE;
        for (int i = 1; i < content; i++) {
            if (text[start + i] != ' ') throw DECLINE; // less indented: a lazy line or a new block
        }
        checkText(lineIndex, content); // declines deeper indentation and nested blocks
        return true;
    }

    /**
     * The column where a list item's content starts when the line starts with a list marker
     * ("- ", "* " or "12. " followed by text), or -1 when it is no list item. Declines items
     * outside the subset: "1)" markers, empty items, content after more than one space.
     * Sets {@link #markerKind} and {@link #markerNumber}.
     */
    private int itemContent(int lineIndex) {
        int start = lineStart[lineIndex];
        int end = lineEnd[lineIndex];
        char c = text[start];
        int after; // index just after the marker
        if (c == '-' || c == '*') {
            if (start + 1 < end && text[start + 1] != ' ') return -1; // "-x", "**strong**"
            markerKind = c;
            after = start + 1;
        } else if (c >= '0' && c <= '9') {
            int i = start;
            while (i < end && text[i] >= '0' && text[i] <= '9') i++;
            if (i == end || (text[i] != '.' && text[i] != ')')) return -1; // "3 breaths"
            // ")" delimiters, numbers commonmark does not take as markers, leading zeros.
            if (text[i] == ')' || i - start > 9 || (c == '0' && i - start > 1)) throw DECLINE;
            if (i + 1 < end && text[i + 1] != ' ') return -1; // "1.5 litres": text, declined by checkText
            markerKind = '.';
            markerNumber = 0;
            for (int d = start; d < i; d++) markerNumber = markerNumber * 10 + (text[d] - '0');
            after = i + 1;
        } else {
            return -1;
        }
        if (after + 1 >= end || text[after] != ' ' || text[after + 1] == ' ') throw DECLINE;
        return after + 1 - start;
    }

    /**
     * Declines unless the line, from {@code column} on, is plain paragraph text: it starts
     * nothing commonmark would read as a block (heading, quote, list item, thematic break,
     * setext underline, code, HTML) and has no trailing spaces (hard line breaks).
     */
    private void checkText(int lineIndex, int column) {
        int from = lineStart[lineIndex] + column;
        int end = lineEnd[lineIndex];
        if (from >= end || text[end - 1] == ' ') throw DECLINE;
        char c = text[from];
        switch (c) {
            case ' ', '#', '>', '-', '+', '=', '_' -> throw DECLINE;
            case '*' -> {
                if (from + 1 == end || text[from + 1] == ' ') throw DECLINE; // a bullet
                int i = from;
                while (i < end && (text[i] == '*' || text[i] == ' ')) i++;
                if (i == end) throw DECLINE; // only '*' and spaces: a thematic break, or close to one
            }
            default -> {
                if (c >= '0' && c <= '9') {
                    int i = from;
                    while (i < end && text[i] >= '0' && text[i] <= '9') i++;
                    if (i < end && (text[i] == '.' || text[i] == ')')) throw DECLINE; // maybe an item
                }
            }
        }
    }

    private boolean isBlank(int lineIndex) {
        for (int i = lineStart[lineIndex]; i < lineEnd[lineIndex]; i++) {
            if (text[i] != ' ') return false;
        }
        return true;
    }

    /**
     * The inline content between {@code from} and {@code to} (several lines for a paragraph,
     * whose line breaks become "\n" and whose continuation indentation the callers checked),
     * escaped as commonmark escapes text. Emphasis is taken only as pairs of one opening and
     * one closing run of the same length (1 or 2), never nested; a run of '*' that could both
     * open and close, or any '_' that is not between two letters or digits, is declined.
     */
    private void inline(int from, int to) {
        int open = 0; // length of the opening run of the emphasis we are in, or 0
        int i = from;
        while (i < to) {
            char c = text[i];
            switch (c) {
                case '\n' -> {
                    out.append('\n'); // a soft line break
                    i++;
                    while (text[i] == ' ') i++; // an item's continuation indentation
                }
                case '"' -> {
                    out.append("&quot;");
                    i++;
                }
                case '>' -> {
                    out.append("&gt;");
                    i++;
                }
                case '_' -> {
                    // Between two letters or digits (snake_case) a run of '_' can neither open nor close.
                    int j = i;
                    while (j < to && text[j] == '_') j++;
                    if (i == from || j == to || kind(text[i - 1]) != OTHER || kind(text[j]) != OTHER) {
                        throw DECLINE;
                    }
                    out.append(text, i, j - i);
                    i = j;
                }
                case '*' -> {
                    int j = i;
                    while (j < to && text[j] == '*') j++;
                    int before = i == from ? WHITESPACE : kind(text[i - 1]);
                    int after = j == to ? WHITESPACE : kind(text[j]);
                    // CommonMark's definitions, with the start and end of the text as whitespace.
                    boolean leftFlanking = after != WHITESPACE && (after != PUNCTUATION || before != OTHER);
                    boolean rightFlanking = before != WHITESPACE && (before != PUNCTUATION || after != OTHER);
                    int length = j - i;
                    if (leftFlanking && rightFlanking) {
                        throw DECLINE; // "a*b": could open and close (and the rule of 3 applies)
                    } else if (leftFlanking) {
                        if (open != 0 || length > 2) throw DECLINE; // nested, or "***"
                        open = length;
                        out.append(length == 2 ? "<strong>" : "<em>");
                    } else if (rightFlanking) {
                        if (open != length) throw DECLINE; // unmatched, or of another length
                        open = 0;
                        out.append(length == 2 ? "</strong>" : "</em>");
                    } else {
                        out.append(text, i, j - i); // "a * b": neither opens nor closes, so it is text
                    }
                    i = j;
                }
                default -> {
                    // Plain text up to the next character that needs a look.
                    int j = i + 1;
                    while (j < to && !(text[j] < INLINE.length && INLINE[text[j]])) j++;
                    out.append(text, i, j - i);
                    i = j;
                }
            }
        }
        if (open != 0) throw DECLINE; // an opening run with no closing one stays text in commonmark
    }

    /** Whitespace, punctuation (ASCII punctuation and symbols) or a letter or digit; declines other characters. */
    private static int kind(char c) {
        if (c == ' ' || c == '\n') return WHITESPACE;
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? OTHER : PUNCTUATION;
        }
        // Letters and digits (ā, ṛ, ś …) are neither; Unicode punctuation, symbols and spaces
        // (–, ’, no-break space), marks and surrogates next to a delimiter are left to commonmark.
        if (Character.isLetterOrDigit(c)) return OTHER;
        throw DECLINE;
    }
}
