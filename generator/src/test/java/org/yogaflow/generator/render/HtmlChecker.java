package org.yogaflow.generator.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The Nu HTML Checker (the engine behind validator.w3.org/nu), run in-process on one file at a time. */
final class HtmlChecker {

    private HtmlChecker() {}

    /** Every error the checker reports for the file, as "line:column: message". Warnings are ignored. */
    static List<String> errors(Path file) throws Exception {
        List<String> errors = new ArrayList<>();
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
        SimpleDocumentValidator validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
        validator.setUpValidatorAndParsers(handler, true, false);
        try (InputStream in = Files.newInputStream(file)) {
            InputSource source = new InputSource(in);
            source.setEncoding("UTF-8");
            source.setSystemId(file.toUri().toString());
            validator.checkHtmlInputSource(source);
        } catch (IOException e) {
            errors.add("cannot read: " + e.getMessage());
        }
        return errors;
    }
}
