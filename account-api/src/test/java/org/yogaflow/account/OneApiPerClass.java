package org.yogaflow.account;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests over HTTP that share one API with the default settings: started before a test class's
 * first test, in a folder of its own, and stopped after its last.
 */
abstract class OneApiPerClass {

    @TempDir
    static Path dir;
    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(dir);
    }

    @AfterAll
    static void stop() {
        api.close();
    }
}
