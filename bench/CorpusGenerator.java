import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a synthetic but valid YogaFlow content folder for benchmarks: N poses and M sequences
 * that build with zero errors and zero warnings. The output is deterministic (fixed seed, same
 * bytes on every run and every JDK 21+), so timings from different days compare the same input.
 *
 * <pre>java bench/CorpusGenerator.java N [M] OUTDIR     (M defaults to N/10)</pre>
 *
 * OUTDIR is wiped first; to avoid deleting something precious it must be empty, missing, or a
 * folder this program wrote before (it leaves a {@value #MARKER} file there).
 */
public class CorpusGenerator {

    static final long SEED = 20240611L;
    static final String MARKER = ".bench-corpus";

    /** Same areas, in the same order, as content/taxonomy.yaml. */
    static final String[][] AREAS = {
        {"neck", "Neck"}, {"shoulders", "Shoulders"}, {"chest", "Chest"}, {"arms", "Arms"}, {"wrists", "Wrists"},
        {"upper-back", "Upper back"}, {"lower-back", "Lower back"}, {"spine", "Spine"}, {"core", "Core"},
        {"hips", "Hips"}, {"glutes", "Glutes"}, {"hip-flexors", "Hip flexors"}, {"groin", "Groin"},
        {"hamstrings", "Hamstrings"}, {"quadriceps", "Quadriceps"}, {"knees", "Knees"}, {"calves", "Calves"},
        {"ankles", "Ankles"}, {"feet", "Feet"}, {"nervous-system", "Nervous system"},
    };

    static final String[] DIFFICULTIES = {"beginner", "intermediate", "advanced"};

    /** English base name, Sanskrit root, category, typical body areas. */
    record Base(String english, String sanskrit, String category, String... areas) {}

    static final Base[] BASES = {
        new Base("Mountain", "Tāḍāsana", "standing", "feet", "spine", "ankles"),
        new Base("Tree", "Vṛkṣāsana", "balance", "ankles", "hips", "core"),
        new Base("Triangle", "Trikoṇāsana", "standing", "hamstrings", "hips", "spine"),
        new Base("Warrior", "Vīrabhadrāsana", "standing", "quadriceps", "hips", "shoulders"),
        new Base("Crow", "Bakāsana", "arm-balance", "wrists", "core", "arms"),
        new Base("Crane", "Kākāsana", "arm-balance", "wrists", "arms", "core"),
        new Base("Cobra", "Bhujaṅgāsana", "backbend", "lower-back", "chest", "spine"),
        new Base("Bow", "Dhanurāsana", "backbend", "chest", "quadriceps", "upper-back"),
        new Base("Cow Face", "Gomukhāsana", "seated", "shoulders", "hips", "arms"),
        new Base("Pigeon", "Kapotāsana", "hip-opener", "hips", "glutes", "hip-flexors"),
        new Base("Garland", "Mālāsana", "hip-opener", "groin", "ankles", "hips"),
        new Base("Boat", "Nāvāsana", "core", "core", "hip-flexors", "spine"),
        new Base("Intense West Stretch", "Paścimottānāsana", "forward-fold", "hamstrings", "lower-back", "calves"),
        new Base("Corpse", "Śavāsana", "restorative", "nervous-system", "spine"),
        new Base("Camel", "Uṣṭrāsana", "backbend", "chest", "hip-flexors", "quadriceps"),
        new Base("Eagle", "Garuḍāsana", "balance", "shoulders", "ankles", "upper-back"),
        new Base("Fish", "Matsyāsana", "backbend", "chest", "neck", "upper-back"),
        new Base("Plough", "Halāsana", "inversion", "neck", "spine", "hamstrings"),
        new Base("Wheel", "Cakrāsana", "backbend", "chest", "shoulders", "wrists"),
        new Base("Locust", "Śalabhāsana", "backbend", "lower-back", "glutes", "upper-back"),
        new Base("Child's", "Bālāsana", "restorative", "lower-back", "hips", "nervous-system"),
        new Base("Lotus", "Padmāsana", "seated", "hips", "knees", "ankles"),
        new Base("Hero", "Vīrāsana", "seated", "quadriceps", "knees", "ankles"),
        new Base("Chair", "Utkaṭāsana", "standing", "quadriceps", "glutes", "core"),
        new Base("Dancer", "Naṭarājāsana", "balance", "quadriceps", "chest", "shoulders"),
        new Base("Firefly", "Ṭiṭṭibhāsana", "arm-balance", "wrists", "hamstrings", "arms"),
        new Base("Peacock", "Mayūrāsana", "arm-balance", "wrists", "core", "arms"),
        new Base("Frog", "Maṇḍūkāsana", "hip-opener", "groin", "hips", "knees"),
        new Base("Staff", "Daṇḍāsana", "seated", "spine", "hamstrings", "core"),
        new Base("Plank", "Phalakāsana", "core", "core", "arms", "wrists"),
        new Base("Headstand", "Śīrṣāsana", "inversion", "neck", "shoulders", "core"),
        new Base("Shoulder Stand", "Sarvāṅgāsana", "inversion", "neck", "shoulders", "upper-back"),
        new Base("Sage Twist", "Marīcyāsana", "twist", "spine", "lower-back", "shoulders"),
        new Base("Fish Lord Twist", "Matsyendrāsana", "twist", "spine", "hips", "upper-back"),
        new Base("Bound Angle", "Koṇāsana", "hip-opener", "groin", "hips", "knees"),
        new Base("Half Moon", "Candrāsana", "balance", "hamstrings", "ankles", "core"),
        new Base("Big Toe", "Pādāṅguṣṭhāsana", "forward-fold", "hamstrings", "calves", "feet"),
        new Base("Easy Seat", "Sukhāsana", "seated", "hips", "spine", "nervous-system"),
        new Base("Cat", "Mārjāryāsana", "core", "spine", "upper-back", "wrists"),
        new Base("Gate", "Parighāsana", "standing", "spine", "hamstrings", "shoulders"),
    };

    /** English modifier and its Sanskrit counterpart. */
    static final String[][] MODIFIERS = {
        {"Half", "Ardha"}, {"Revolved", "Parivṛtta"}, {"Extended", "Utthita"}, {"Bound", "Baddha"},
        {"Reclining", "Supta"}, {"One-Legged", "Eka Pāda"}, {"Supported", "Sālamba"}, {"Upward", "Ūrdhva"},
        {"Downward-Facing", "Adho Mukha"}, {"Wide-Legged", "Prasārita"}, {"Inverted", "Viparīta"},
        {"Side", "Pārśva"}, {"Flying", "Uḍḍīyana"}, {"Kneeling", "Jānu"},
    };

    static final String[] BENEFITS = {
        "Improves posture", "Builds body awareness", "Strengthens the legs", "Stretches the hamstrings",
        "Opens the chest and shoulders", "Calms the nervous system", "Improves balance and focus",
        "Strengthens the core", "Lengthens the spine", "Releases tension in the hips", "Strengthens the wrists and arms",
        "Stimulates digestion", "Relieves mild back stiffness", "Encourages deep breathing", "Builds stamina",
        "Stretches the hip flexors", "Mobilises the upper back", "Grounds and steadies the mind",
        "Strengthens the ankles", "Improves shoulder mobility",
    };

    static final String[] CONTRAINDICATIONS = {
        "High blood pressure", "Low blood pressure", "Glaucoma", "Recent knee injury", "Recent ankle injury",
        "Carpal tunnel syndrome", "Neck injury", "Late pregnancy", "Herniated disc", "Shoulder injury",
        "Migraine", "Recent abdominal surgery", "Sacroiliac pain", "Vertigo",
    };

    static final String[] PROPS = {"Blocks", "Strap", "Bolster", "Blanket", "Wall", "Chair", "Sandbag"};

    static final String[] INTRO = {
        "{name} is a {difficulty} {category} pose that works the {area1} and the {area2}.",
        "In {name} the work comes from the {area1} while the breath stays slow and even.",
        "{name} ({sanskrit}) builds steadiness through the {area1} and teaches patience.",
        "Practise {name} when you feel tight through the {area1} after a long day at a desk.",
        "This {category} shape asks for length in the {area2} before depth in the {area1}.",
        "Teachers often use {name} to prepare the {area1} for deeper work later in class.",
    };

    static final String[] STEPS = {
        "Come to the front of your mat and take three slow breaths through the nose.",
        "Root down through the feet and feel the weight spread evenly from heel to toe.",
        "Draw the navel gently toward the spine to steady the {area1}.",
        "Lengthen through the crown of the head so the spine stays long.",
        "Move into the shape slowly, pausing wherever you feel the {area2}.",
        "Press the hands firmly into the floor and spread the fingers wide.",
        "Soften the shoulders away from the ears and broaden across the collarbones.",
        "Keep the knees tracking over the second toe, never collapsing inward.",
        "Let the gaze rest on a fixed point a little ahead of you.",
        "Breathe into the back of the ribs for {breaths} full breaths.",
        "On each exhale, release a little more effort from the face and jaw.",
        "If you feel strain in the {area1}, back off until the breath is easy again.",
        "Square the hips toward the front edge of the mat.",
        "Engage the thighs as if zipping them toward each other.",
        "Reach actively through the fingertips without locking the elbows.",
    };

    static final String[] OUTRO = {
        "Come out the way you went in, one segment at a time.",
        "Rest for a few breaths in a neutral position before moving on.",
        "Beginners can keep a slight bend in the knees throughout.",
        "A block under the hands brings the floor closer and keeps the spine long.",
        "Notice any difference between the two sides and stay curious about it.",
        "The pose should never cause sharp pain; discomfort is a signal to ease off.",
        "Over weeks of practice the shape will feel lighter and the {area1} more at ease.",
        "Pair it with a gentle counter-pose for the {area2} afterwards.",
        "Keep the breath audible so you can hear when you start to strain.",
        "Students who feel stiffness in the {area2} can practise it with their back against a wall.",
    };

    static final String[] VARIATION = {
        "**Variation:** practise it with the back against a wall to feel the alignment.",
        "**Variation:** take the arms overhead to add length through the sides of the body.",
        "**Easier:** keep one hand on a chair for balance.",
        "**Harder:** close the eyes for the last few breaths.",
    };

    static final String[] AUDIENCES = {
        "Anyone with a spare quarter of an hour", "Office workers with stiff backs", "Runners after a training day",
        "Students new to yoga", "Experienced practitioners", "Early risers", "Anyone winding down before sleep",
        "Climbers and cyclists", "Parents with little time", "Teachers planning a workshop",
    };

    static final String[] SEQ_BENEFITS = {
        "Wakes up the body", "Eases stiffness after sitting", "Builds heat and strength", "Improves balance",
        "Prepares for sleep", "Opens the hips", "Strengthens the core", "Releases the shoulders",
        "Restores energy", "Calms the mind",
    };

    static final String[] SEQ_ADJ = {
        "Morning", "Evening", "Gentle", "Strong", "Steady", "Slow", "Bright", "Grounding", "Quiet", "Rising",
        "Lunchtime", "Weekend", "Deep", "Simple", "Focused",
    };
    static final String[] SEQ_FOCUS = {
        "Hip", "Spine", "Shoulder", "Balance", "Core", "Backbend", "Twist", "Hamstring", "Full-Body", "Breath",
    };
    static final String[] SEQ_NOUN = {"Flow", "Practice", "Sequence", "Class", "Session", "Routine", "Reset"};

    static final String[] TRANSITIONS = {
        "Step the feet together and pause.", "Walk the hands back to the feet.", "Roll up slowly, one vertebra at a time.",
        "Lower the knees to the mat.", "Shift the weight onto the front foot.", "Turn to face the long edge of the mat.",
        "Sit back onto the heels.", "Exhale and fold forward.",
    };
    static final String[] CUES = {
        "Breathe in for four counts.", "Gaze at a fixed point.", "Keep the jaw soft.", "Press evenly through both hands.",
        "Let the shoulders melt away from the ears.", "Lengthen the spine on every inhale.",
        "Stay where the breath is smooth.", "Hug the legs toward the midline.",
    };

    final Random rnd = new Random(SEED);

    record Pose(String slug, String name, String sanskrit, int difficulty, Base base, int min, int max) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java bench/CorpusGenerator.java N [M] OUTDIR   (M defaults to N/10)");
            System.exit(64);
        }
        int n = Integer.parseInt(args[0]);
        int m = args.length == 3 ? Integer.parseInt(args[1]) : n / 10;
        Path out = Path.of(args[args.length - 1]);
        if (n < 4 || m < 0) {
            System.err.println("need N >= 4 poses and M >= 0 sequences");
            System.exit(64);
        }
        wipe(out);
        new CorpusGenerator().write(n, m, out);
        System.out.printf("wrote %d poses and %d sequences to %s%n", n, m, out);
    }

    /** Deletes OUTDIR, but only if it is empty or was written by this program. */
    static void wipe(Path out) throws IOException {
        if (!Files.exists(out)) return;
        boolean empty;
        try (Stream<Path> list = Files.list(out)) {
            empty = list.findAny().isEmpty();
        }
        if (!empty && !Files.exists(out.resolve(MARKER))) {
            System.err.println(out + " is not empty and has no " + MARKER
                    + " file: refusing to delete it (pass an empty or new folder)");
            System.exit(1);
        }
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    void write(int n, int m, Path out) throws IOException {
        Files.createDirectories(out.resolve("poses"));
        Files.createDirectories(out.resolve("sequences"));
        write(out.resolve(MARKER), "Generated by bench/CorpusGenerator.java; deleted on the next run.\n");
        StringBuilder tax = new StringBuilder("# Copy of content/taxonomy.yaml.\nbody_areas:\n");
        for (String[] a : AREAS) tax.append("  ").append(a[0]).append(": ").append(a[1]).append('\n');
        write(out.resolve("taxonomy.yaml"), tax.toString());

        List<Pose> poses = poses(n);
        Map<String, List<Pose>> byCategory = new HashMap<>();
        for (Pose p : poses) byCategory.computeIfAbsent(p.base.category, k -> new ArrayList<>()).add(p);
        for (Pose p : poses) write(out.resolve("poses/" + p.slug + ".md"), poseFile(p, poses, byCategory));

        List<List<Pose>> byDifficulty = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Pose p : poses) {
            for (int d = p.difficulty; d < 3; d++) byDifficulty.get(d).add(p); // poses at or below each level
        }
        Map<String, Integer> titles = new HashMap<>();
        for (int i = 0; i < m; i++) {
            String title = pick(SEQ_ADJ) + " " + pick(SEQ_FOCUS) + " " + pick(SEQ_NOUN);
            int seen = titles.merge(title, 1, Integer::sum);
            if (seen > 1) title += " " + seen;
            int difficulty = weighted(5, 3, 2);
            List<Pose> pool = byDifficulty.get(difficulty);
            write(out.resolve("sequences/" + slugify(title) + ".yaml"),
                    sequenceFile(title, difficulty, pool.isEmpty() ? poses : pool));
        }
    }

    /** Unique names, Sanskrit names and slugs: each combination gets "II", "III", ... when reused. */
    List<Pose> poses(int n) {
        List<Pose> poses = new ArrayList<>(n);
        Map<String, Integer> seen = new HashMap<>();
        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Base base = BASES[rnd.nextInt(BASES.length)];
            StringBuilder en = new StringBuilder();
            StringBuilder sa = new StringBuilder();
            int mods = weighted(1, 5, 4);
            int first = -1;
            for (int k = 0; k < mods; k++) {
                int j;
                do j = rnd.nextInt(MODIFIERS.length); while (j == first);
                first = j;
                en.append(MODIFIERS[j][0]).append(' ');
                sa.append(MODIFIERS[j][1]).append(' ');
            }
            en.append(base.english);
            sa.append(base.sanskrit);
            int count = seen.merge(en.toString(), 1, Integer::sum);
            String suffix = count == 1 ? "" : " " + roman(count);
            String name = en + " Pose" + suffix;
            String sanskrit = sa + suffix;
            String slug = slugify(en + suffix);
            if (!slugs.add(slug)) throw new IllegalStateException("slug collision: " + slug);
            int difficulty = switch (base.category) {
                case "arm-balance", "inversion" -> weighted(0, 4, 6);
                case "restorative", "seated" -> weighted(6, 3, 1);
                default -> weighted(4, 4, 2);
            };
            int min = pick(new int[] {10, 15, 20, 20, 30, 30, 45, 60});
            int max = min + pick(new int[] {15, 30, 30, 45, 60, 90, 120});
            poses.add(new Pose(slug, name, sanskrit, difficulty, base, min, max));
        }
        return poses;
    }

    String poseFile(Pose p, List<Pose> all, Map<String, List<Pose>> byCategory) {
        List<String> areas = new ArrayList<>(pickSome(List.of(p.base.areas), 1 + rnd.nextInt(Math.min(3, p.base.areas.length))));
        if (areas.size() < 3 && rnd.nextInt(4) == 0) {
            String extra = AREAS[rnd.nextInt(AREAS.length)][0];
            if (!areas.contains(extra)) areas.add(extra);
        }
        StringBuilder y = new StringBuilder("---\n");
        y.append("name: ").append(q(p.name)).append('\n');
        y.append("sanskrit: ").append(q(p.sanskrit)).append('\n');
        List<String> aliases = new ArrayList<>();
        if (rnd.nextInt(3) > 0) aliases.add(ascii(p.sanskrit));
        if (rnd.nextInt(4) == 0) aliases.add(p.name.replace(" Pose", ""));
        y.append("aliases: ").append(flow(aliases)).append('\n');
        y.append("difficulty: ").append(DIFFICULTIES[p.difficulty]).append('\n');
        y.append("category: ").append(p.base.category).append('\n');
        y.append("body_areas: ").append(flow(areas)).append('\n');
        y.append("duration: {min: ").append(p.min).append(", max: ").append(p.max).append("}\n");
        y.append(block("benefits", pickSome(List.of(BENEFITS), 1 + rnd.nextInt(4))));
        List<String> contra = pickSome(List.of(CONTRAINDICATIONS), rnd.nextInt(4));
        if (!contra.isEmpty()) y.append(block("contraindications", contra));
        y.append("props: ").append(flow(pickSome(List.of(PROPS), rnd.nextInt(3)))).append('\n');
        y.append("related: ").append(flow(related(p, all, byCategory))).append('\n');
        y.append("---\n");
        y.append(body(p, areas));
        return y.toString();
    }

    /** 2–3 other poses, mostly from the same category. */
    List<String> related(Pose p, List<Pose> all, Map<String, List<Pose>> byCategory) {
        int want = 2 + rnd.nextInt(2);
        Set<String> out = new LinkedHashSet<>();
        List<Pose> same = byCategory.get(p.base.category);
        while (out.size() < want) {
            List<Pose> from = same.size() > want + 1 && rnd.nextInt(3) > 0 ? same : all;
            Pose r = from.get(rnd.nextInt(from.size()));
            if (r != p) out.add(r.slug);
        }
        return List.copyOf(out);
    }

    /** About 150 words: an intro, a numbered list of steps, and closing advice. */
    String body(Pose p, List<String> areas) {
        Map<String, String> slots = Map.of(
                "{name}", p.name, "{sanskrit}", p.sanskrit, "{difficulty}", DIFFICULTIES[p.difficulty],
                "{category}", p.base.category.replace('-', ' '),
                "{area1}", label(areas.get(0)), "{area2}", label(areas.get(areas.size() - 1)),
                "{breaths}", String.valueOf(3 + rnd.nextInt(6)));
        StringBuilder b = new StringBuilder();
        if (rnd.nextBoolean()) b.append("## Steps\n\n");
        b.append(String.join(" ", pickSome(List.of(INTRO), 2).stream().map(t -> fill(t, slots)).toList())).append("\n\n");
        List<String> steps = pickSome(List.of(STEPS), 5 + rnd.nextInt(3));
        for (int i = 0; i < steps.size(); i++) b.append(i + 1).append(". ").append(fill(steps.get(i), slots)).append('\n');
        b.append('\n');
        List<String> outro = new ArrayList<>(List.of(OUTRO));
        while (words(b) < 140 && !outro.isEmpty()) {
            b.append(fill(outro.remove(rnd.nextInt(outro.size())), slots)).append(' ');
        }
        b.setLength(b.length() - 1);
        b.append('\n');
        if (rnd.nextInt(3) == 0) b.append('\n').append(pick(VARIATION)).append('\n');
        return b.toString();
    }

    String sequenceFile(String title, int difficulty, List<Pose> pool) {
        int transition = rnd.nextInt(5) == 0 ? 10 : 5;
        int count = 5 + rnd.nextInt(11);
        List<int[]> steps = new ArrayList<>(); // pose index, hold, side (0 none, 1 both, 2 left, 3 right), repeat
        for (int i = 0; i < count; i++) {
            int index = rnd.nextInt(pool.size());
            Pose p = pool.get(index);
            int lo = Math.max(5, p.min), hi = Math.min(300, p.max);
            int hold = lo + 5 * rnd.nextInt((hi - lo) / 5 + 1);
            int side = weighted(5, 3, 1, 1);
            int repeat = rnd.nextInt(6) == 0 ? 2 + rnd.nextInt(2) : 1;
            steps.add(new int[] {index, hold, side, repeat});
        }
        // Short classes can fall between two whole minutes; repeat a step until one fits.
        int minutes;
        while ((minutes = minutesFor(seconds(steps, transition))) < 0) steps.get(rnd.nextInt(count))[3]++;

        StringBuilder y = new StringBuilder();
        y.append("title: ").append(q(title)).append('\n');
        y.append("difficulty: ").append(DIFFICULTIES[difficulty]).append('\n');
        y.append("minutes: ").append(minutes).append('\n');
        y.append("audience: ").append(q(pick(AUDIENCES))).append('\n');
        y.append("benefits: ").append(flow(pickSome(List.of(SEQ_BENEFITS), 1 + rnd.nextInt(3)))).append('\n');
        y.append("description: |\n");
        y.append("  A ").append(DIFFICULTIES[difficulty]).append(" class of ").append(count)
                .append(" poses that moves from **").append(pool.get(steps.get(0)[0]).name).append("** to **")
                .append(pool.get(steps.get(count - 1)[0]).name).append("**.\n");
        y.append("  Take it slowly the first time and rest whenever the breath gets short.\n\n");
        y.append("  - Bring a mat").append(rnd.nextBoolean() ? " and two blocks" : "").append('\n');
        y.append("  - Allow about ").append(minutes).append(" minutes\n");
        if (transition != 5) y.append("transition_seconds: ").append(transition).append('\n');
        y.append("steps:\n");
        for (int[] s : steps) {
            y.append("  - pose: ").append(pool.get(s[0]).slug).append('\n');
            y.append("    hold: ").append(s[1]).append('\n');
            if (s[2] > 0) y.append("    side: ").append(new String[] {"", "both", "left", "right"}[s[2]]).append('\n');
            if (s[3] > 1) y.append("    repeat: ").append(s[3]).append('\n');
            if (rnd.nextInt(5) < 3) y.append("    transition: ").append(q(pick(TRANSITIONS))).append('\n');
            if (rnd.nextInt(10) < 7) y.append("    cue: ").append(q(pick(CUES))).append('\n');
        }
        return y.toString();
    }

    /** What the generator computes: hold × sides × repeat per step, plus a transition between holds. */
    static int seconds(List<int[]> steps, int transition) {
        int holds = 0, total = 0;
        for (int[] s : steps) {
            int n = (s[2] == 1 ? 2 : 1) * s[3];
            holds += n;
            total += s[1] * n;
        }
        return total + Math.max(0, holds - 1) * transition;
    }

    /** The whole minutes nearest to {@code seconds} that are within 10% of it, or -1 if none is. */
    static int minutesFor(int seconds) {
        int nearest = Math.max(1, Math.round(seconds / 60f));
        for (int m : new int[] {nearest, nearest - 1, nearest + 1}) {
            if (m >= 1 && Math.abs(seconds - m * 60) <= m * 60 * 0.10) return m;
        }
        return -1;
    }

    // --- small helpers -------------------------------------------------------------------

    <T> T pick(T[] items) {
        return items[rnd.nextInt(items.length)];
    }

    int pick(int[] items) {
        return items[rnd.nextInt(items.length)];
    }

    /** An index drawn with the given relative weights. */
    int weighted(int... weights) {
        int total = 0;
        for (int w : weights) total += w;
        int r = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            if ((r -= weights[i]) < 0) return i;
        }
        throw new AssertionError();
    }

    /** {@code k} distinct items in random order (partial Fisher–Yates on a copy). */
    <T> List<T> pickSome(List<T> items, int k) {
        List<T> copy = new ArrayList<>(items);
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(copy.size() - i);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return List.copyOf(copy.subList(0, k));
    }

    static String fill(String template, Map<String, String> slots) {
        String s = template;
        for (var e : slots.entrySet()) s = s.replace(e.getKey(), e.getValue());
        return s;
    }

    static int words(CharSequence text) {
        return text.toString().trim().split("\\s+").length;
    }

    static String label(String area) {
        for (String[] a : AREAS) if (a[0].equals(area)) return a[1].toLowerCase(Locale.ROOT);
        throw new IllegalArgumentException(area);
    }

    static String roman(int n) {
        String[] r = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length; i++) while (n >= v[i]) { s.append(r[i]); n -= v[i]; }
        return s.toString();
    }

    static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    static String slugify(String s) {
        return ascii(s).toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** A YAML scalar: plain when that is safe in block and flow context, else double-quoted. */
    static String q(String s) {
        if (s.matches("[\\p{L}][\\p{L}\\p{N} .'\\-]*[\\p{L}\\p{N}.]") && !s.matches("(?i)(yes|no|true|false|on|off|null)")) {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String flow(List<String> items) {
        return "[" + String.join(", ", items.stream().map(CorpusGenerator::q).toList()) + "]";
    }

    static String block(String key, List<String> items) {
        StringBuilder b = new StringBuilder(key).append(":\n");
        for (String i : items) b.append("  - ").append(q(i)).append('\n');
        return b.toString();
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
