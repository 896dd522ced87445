package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void developmentDefaultsNeedNoConfiguration() {
        Settings s = Settings.fromEnvironment(Map.of());
        assertEquals(8081, s.port());
        assertEquals("jdbc:sqlite:data/account.db", s.databaseUrl());
        assertEquals("public/api/catalog.json", s.catalog());
        assertEquals(12, s.bcryptCost());
        assertEquals("FULL", s.synchronous());
        assertEquals(java.util.List.of("http://localhost:8080"), s.allowedOrigins());
        assertEquals(3, s.registerLimit().permits());
        assertEquals(Duration.ofMinutes(1), s.loginLimit().period());
        assertEquals(Duration.ofHours(1), s.forgotLimit().period());
        assertEquals(Duration.ofMinutes(15), s.accessTokenTtl());
    }

    @Test
    void productionRefusesToStartWithoutAStrongSecret() {
        var missing = assertThrows(Settings.InvalidSettings.class, () -> Settings.fromEnvironment(Map.of("YOGAFLOW_MODE", "production")));
        assertTrue(missing.getMessage().contains("YOGAFLOW_JWT_SECRET"));
        var weak = assertThrows(Settings.InvalidSettings.class, () -> Settings.fromEnvironment(Map.of(
                "YOGAFLOW_MODE", "production", "YOGAFLOW_JWT_SECRET", "only-31-bytes-long-secret-12345")));
        assertTrue(weak.getMessage().contains("256"), weak.getMessage());
        Settings ok = Settings.fromEnvironment(Map.of("YOGAFLOW_MODE", "production",
                "YOGAFLOW_JWT_SECRET", "a".repeat(32), "YOGAFLOW_ALLOWED_ORIGINS", "https://yogaflow.example"));
        assertTrue(ok.production());
        assertTrue(!ok.toString().contains("aaaa"), "the secret is never printed");
    }

    @Test
    void theReadmeDocumentsEveryVariable() throws Exception {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/org/yogaflow/account/Settings.java"));
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        var names = java.util.regex.Pattern.compile("\"(YOGAFLOW_[A-Z_]+)\"").matcher(source).results()
                .map(m -> m.group(1)).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        assertTrue(names.size() > 30, names.toString());
        for (String name : names) {
            assertTrue(readme.contains("`" + name + "`"), name + " is not documented in account-api/README.md");
        }
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        var e = assertThrows(Settings.InvalidSettings.class, () -> Settings.fromEnvironment(Map.of(
                "YOGAFLOW_PORT", "http", "YOGAFLOW_BCRYPT_COST", "99", "YOGAFLOW_RATE_LOGIN", "lots",
                "YOGAFLOW_ALLOWED_ORIGINS", "example.org", "YOGAFLOW_DB_SYNCHRONOUS", "sometimes")));
        for (String name : new String[] {"YOGAFLOW_PORT", "YOGAFLOW_BCRYPT_COST", "YOGAFLOW_RATE_LOGIN",
                "YOGAFLOW_ALLOWED_ORIGINS", "YOGAFLOW_DB_SYNCHRONOUS"}) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertEquals(100, Settings.fromEnvironment(Map.of("YOGAFLOW_RATE_LOGIN", "100/30s")).loginLimit().permits());
        assertEquals(Duration.ofSeconds(30), Settings.fromEnvironment(Map.of("YOGAFLOW_RATE_LOGIN", "100/30s")).loginLimit().period());
    }

    @Test
    void theGraceIsReadAndValidated() {
        assertEquals(Duration.ofSeconds(30), Settings.fromEnvironment(Map.of()).refreshReuseGrace());
        assertEquals(Duration.ZERO, Settings.fromEnvironment(Map.of("YOGAFLOW_REFRESH_REUSE_SECONDS", "0")).refreshReuseGrace());
        assertEquals(Duration.ofSeconds(5), Settings.fromEnvironment(Map.of("YOGAFLOW_REFRESH_REUSE_SECONDS", " 5 ")).refreshReuseGrace());
        for (String bad : new String[] {"-1", "301", "30s", "soon", "1.5"}) {
            var e = assertThrows(Settings.InvalidSettings.class,
                    () -> Settings.fromEnvironment(Map.of("YOGAFLOW_REFRESH_REUSE_SECONDS", bad)));
            assertTrue(e.getMessage().contains("YOGAFLOW_REFRESH_REUSE_SECONDS must be a whole number from 0 to 300, not '" + bad + "'"),
                    e.getMessage());
        }
    }
}
