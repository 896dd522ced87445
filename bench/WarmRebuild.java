import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.yogaflow.generator.build.BuildOptions;
import org.yogaflow.generator.build.BuildReport;
import org.yogaflow.generator.build.Pipeline;
import org.yogaflow.generator.build.Progress;
import org.yogaflow.generator.images.PhotoSettings;
import org.yogaflow.generator.render.views.SiteInfo;

/**
 * Rebuilds in a warm process, as {@code yogaflow dev} does after each edit: one full build, then
 * RUNS builds that each follow an edit of one pose, all in this JVM; prints each build's wall time
 * and stages, then medians of successive windows of builds and of the last half (the JIT has
 * warmed up by then: it compiles on one of the two cores for the first hundred builds or so).
 * Run by bench/warm.sh: java -cp yogaflow.jar WarmRebuild.java CONTENT OUT THEME CACHE RUNS
 */
public class WarmRebuild {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        BuildOptions options = new BuildOptions(content, Path.of(args[1]), Path.of(args[2]),
                BuildOptions.DEFAULT_BASE_URL, false, false, Path.of(args[3]), PhotoSettings.DEFAULT, SiteInfo.DEFAULT);
        int runs = Integer.parseInt(args[4]);
        Pipeline.Memory memory = new Pipeline.Memory();
        List<Path> poses;
        try (var list = Files.list(content.resolve("poses"))) {
            poses = list.sorted().toList();
        }
        List<Double> times = new ArrayList<>();
        var cpu = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i <= runs; i++) {
            if (i > 0) {
                Path edited = poses.get(i * 7 % poses.size());
                Files.writeString(edited, "Edited in run " + i + ".\n", StandardOpenOption.APPEND);
                memory.changed(List.of(edited)); // as yogaflow dev's file watcher reports it
            }
            long start = System.nanoTime();
            long cpuStart = cpu.getProcessCpuTime();
            BuildReport report = new Pipeline(options, Progress.NONE, memory).build();
            double ms = (System.nanoTime() - start) / 1e6;
            double cpuMs = (cpu.getProcessCpuTime() - cpuStart) / 1e6;
            if (!report.published()) throw new IllegalStateException("build " + i + " failed: " + report.diagnostics().sorted());
            System.out.printf("%s %3d: %7.1f ms (cpu %6.1f ms)  %s%n", i == 0 ? "full " : "edit ", i, ms, cpuMs, report.timings().stream()
                    .map(t -> t.stage() + " " + t.duration().toMillis()
                    + (t.stage().equals("search") ? " (" + t.detail().replaceAll(".*: |\\)", "") + ")" : "")).toList());
            if (i > 0) times.add(ms);
        }
        // The JIT goes on compiling (on one of the two cores) for the first hundred builds or so.
        for (int from = 0; from < times.size(); from = from == 0 ? 20 : from * 2) {
            int to = Math.min(times.size(), from == 0 ? 20 : from * 2);
            List<Double> window = new ArrayList<>(times.subList(from, to));
            Collections.sort(window);
            System.out.printf("  builds %3d-%3d: median %.1f ms (min %.1f, max %.1f)%n", from + 1, to,
                    window.get(window.size() / 2), window.get(0), window.get(window.size() - 1));
        }
        List<Double> warm = new ArrayList<>(times.subList(times.size() / 2, times.size()));
        Collections.sort(warm);
        System.out.printf("one pose edited, warm process: median %.1f ms of the last %d builds (min %.1f, max %.1f)%n",
                warm.get(warm.size() / 2), warm.size(), warm.get(0), warm.get(warm.size() - 1));
    }
}
