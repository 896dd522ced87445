import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.yogaflow.account.service.PasswordHasher;
import org.yogaflow.account.store.Database;

/**
 * Benchmark helper, run with the account API's jar on the class path:
 *
 *   java -cp account-api.jar bench/account/Seed.java seed DB CONTENT_DIR CATALOG USERS SESSIONS PASSWORD
 *   java -cp account-api.jar bench/account/Seed.java count DB
 *
 * "seed" writes a catalog.json of the real content's slugs, creates the schema through the
 * API's own migrations, then inserts verified users (all with the same bcrypt hash of
 * PASSWORD, cost 12) and random practice sessions in one transaction with batched inserts.
 * The data is deterministic (fixed seed). "count" prints the number of practice sessions.
 */
public class Seed {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("count")) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[1]);
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM practice_sessions")) {
                rs.next();
                System.out.println(rs.getLong(1));
            }
            return;
        }
        Path db = Path.of(args[1]);
        Path content = Path.of(args[2]);
        Path catalog = Path.of(args[3]);
        int users = Integer.parseInt(args[4]);
        int sessions = Integer.parseInt(args[5]);
        String password = args[6];

        List<String> sequences = slugs(content.resolve("sequences"), ".yaml");
        List<String> poses = slugs(content.resolve("poses"), ".md");
        writeCatalog(catalog, poses, sequences);

        Files.deleteIfExists(db);
        Database.open("jdbc:sqlite:" + db, "FULL", 1).close(); // schema via Flyway
        String hash;
        try (PasswordHasher hasher = new PasswordHasher(12, 1, 1)) {
            hash = hasher.hash(password);
        }
        long t0 = System.nanoTime();
        Random random = new Random(20260101L);
        long now = System.currentTimeMillis();
        long year = 365L * 24 * 3600 * 1000;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=OFF"); // seeding only: the file is thrown away on failure
            }
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement(
                    "INSERT INTO users (id, email, display_name, password_hash, email_verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= users; i++) {
                    u.setInt(1, i);
                    u.setString(2, "bench" + i + "@example.org");
                    u.setString(3, "Bench user " + i);
                    u.setString(4, hash);
                    u.setLong(5, now - year);
                    u.setLong(6, now - year);
                    u.addBatch();
                }
                u.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO practice_sessions "
                    + "(user_id, sequence, duration_seconds, completed, started_at, notes, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)")) {
                for (int i = 0; i < sessions; i++) {
                    long started = now - (long) (random.nextDouble() * year);
                    p.setInt(1, 1 + random.nextInt(users));
                    p.setString(2, sequences.get(random.nextInt(sequences.size())));
                    p.setInt(3, 300 + random.nextInt(3300));
                    p.setInt(4, random.nextInt(10) < 8 ? 1 : 0);
                    p.setLong(5, started);
                    p.setLong(6, started + 3_600_000);
                    p.addBatch();
                    if (i % 10_000 == 9_999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        System.out.printf("seeded %,d users and %,d sessions in %.1f s%n", users, sessions, (System.nanoTime() - t0) / 1e9);
    }

    private static List<String> slugs(Path dir, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
        }
    }

    private static void writeCatalog(Path file, List<String> poses, List<String> sequences) throws Exception {
        List<String> p = new ArrayList<>();
        for (String s : poses) {
            p.add("{\"slug\":\"" + s + "\"}");
        }
        List<String> q = new ArrayList<>();
        for (String s : sequences) {
            q.add("{\"slug\":\"" + s + "\",\"title\":\"" + s + "\",\"minutes\":15,\"computed_seconds\":900}");
        }
        Files.writeString(file, "{\"version\":1,\"base_url\":\"http://localhost:8080/\",\"poses\":[" + String.join(",", p)
                + "],\"sequences\":[" + String.join(",", q) + "]}\n");
    }
}
