package org.yogaflow.generator.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * Opens index folders the quiet way: plain file reads instead of memory mapping (which makes
 * JDK 22+ print a native-access warning on every run), and Lucene's start-up log (a hint about
 * the incubating vector API) silenced, so the CLI prints only its own messages.
 */
final class LuceneFiles {

    /** Held so the level setting is not garbage-collected with the logger. */
    private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

    private LuceneFiles() {}

    static void quiet() {
        LUCENE_LOG.setLevel(Level.SEVERE);
    }

    static Directory open(Path dir) throws IOException {
        quiet();
        return new NIOFSDirectory(dir);
    }
}
