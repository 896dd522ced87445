package org.yogaflow.generator.render;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the engine behind validator.w3.org/nu), run in-process. Setting up its
 * schema is slow, so one checker is reused for many files, as vnu's own command line does.
 */
final class HtmlChecker {

    private final List<String> errors = new ArrayList<>();
    private final SimpleDocumentValidator validator = new SimpleDocumentValidator();

    HtmlChecker() throws Exception {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
        validator.setUpValidatorAndParsers(handler, true, false);
    }

    /** Every error the checker reports for the file, as "line:column: message". Warnings are ignored. */
    List<String> errors(Path file) throws Exception {
        errors.clear();
        try (InputStream in = Files.newInputStream(file)) {
            InputSource source = new InputSource(in);
            source.setEncoding("UTF-8");
            source.setSystemId(file.toUri().toString());
            validator.checkHtmlInputSource(source);
        }
        return List.copyOf(errors);
    }
}
