package org.yogaflow.generator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.yogaflow.account.AccountApi;
import org.yogaflow.account.Settings;
import picocli.CommandLine;

/** What {@code yogaflow dev} runs: the site with live reload ({@link Preview}) and the account API it calls. */
record DevSite(Preview preview, AccountApi api) implements AutoCloseable {

    /** Starts the site server, then the API (which must allow the site's origin), then builds the site for both. */
    static DevSite start(DevCommand dev, Map<String, String> environment, PrintWriter out, PrintWriter err)
            throws IOException {
        AccountApi[] api = new AccountApi[1];
        try {
            Preview preview = Preview.start(dev.spec.commandLine(), dev.flags, dev.port, sitePort -> {
                api[0] = AccountApi.start(settings(dev, environment, sitePort), Clock.systemUTC());
                return "http://127.0.0.1:" + api[0].port() + "/api/v1";
            }, out, err);
            return new DevSite(preview, api[0]);
        } catch (IOException | RuntimeException e) {
            if (api[0] != null) api[0].close();
            throw e;
        }
    }

    String apiUrl() {
        return "http://127.0.0.1:" + api.port() + "/api/v1";
    }

    @Override
    public void close() throws IOException {
        try {
            preview.close();
        } finally {
            api.close(); // in-flight requests finish, queued writes commit, the database closes
        }
    }

    private static Settings settings(DevCommand dev, Map<String, String> environment, int sitePort) {
        Map<String, String> env = new HashMap<>(environment);
        String site = "http://localhost:" + sitePort;
        env.put("YOGAFLOW_MODE", "development");
        env.put("YOGAFLOW_PORT", String.valueOf(dev.apiPort));
        env.put("YOGAFLOW_DATA_DIR", dev.data.toString());
        env.put("YOGAFLOW_SITE_URL", site + "/");
        env.put("YOGAFLOW_CATALOG", dev.flags.out.resolve("api/catalog.json").toString());
        env.putIfAbsent("YOGAFLOW_ALLOWED_ORIGINS", site + ",http://127.0.0.1:" + sitePort);
        // The site is rebuilt as you edit: the API sees new poses and sequences within seconds.
        env.putIfAbsent("YOGAFLOW_CATALOG_REFRESH_SECONDS", "2");
        try {
            return Settings.fromEnvironment(env);
        } catch (Settings.InvalidSettings e) {
            throw new CommandLine.ParameterException(dev.spec.commandLine(), "invalid account API settings:\n  "
                    + e.getMessage().replace("\n", "\n  "));
        }
    }
}
