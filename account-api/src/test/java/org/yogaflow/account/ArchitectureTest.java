package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: http → service → store. Spark, Jetty and the servlet API stay in
 * {@code http} (so the web layer can be replaced), SQL and Jdbi stay in {@code store}.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/yogaflow/account");

    private static List<String> offending(String packageName, String... forbidden) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(packageName))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    for (String prefix : forbidden) {
                        if (line.startsWith("import " + prefix) || line.contains(" " + prefix) && line.contains("(")) {
                            found.add(MAIN.relativize(file) + ": " + line.strip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Test
    void webTypesStayInTheHttpPackage() {
        for (String p : new String[] {"service", "store", "mail", "catalog"}) {
            assertEquals(List.of(), offending(p, "spark.", "org.eclipse.jetty.", "javax.servlet.", "org.yogaflow.account.http."), p);
        }
    }

    @Test
    void sqlStaysInTheStorePackage() {
        for (String p : new String[] {"service", "http", "mail", "catalog"}) {
            assertEquals(List.of(), offending(p, "org.jdbi.", "java.sql.", "org.sqlite.", "org.flywaydb."), p);
        }
    }

    @Test
    void storesDoNotKnowTheLayersAboveThem() {
        assertEquals(List.of(), offending("store", "org.yogaflow.account.service.", "org.yogaflow.account.http."));
    }
}
