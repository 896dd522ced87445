package org.yogaflow.generator.build;

import java.time.Duration;
import java.util.List;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.images.ImageStage;

/**
 * What a build or validation did: the diagnostics it found, how long each stage took, and
 * what it produced. {@code published} is false when the build stopped before publishing;
 * {@code images} is null when the build stopped before the images stage. {@code upToDate}: nothing
 * changed since the last build, which did nothing; its warnings are in {@code replayedWarnings}.
 */
public record BuildReport(Diagnostics diagnostics, List<StageTiming> timings, int poses, int sequences, int pages,
        int photos, boolean published, ImageStage.Stats images, List<String> replayedWarnings, boolean upToDate) {

    public record StageTiming(String stage, Duration duration, String detail) {}

    /** The stages' time; a stage that ran alongside another ("alongside" in its detail) is not added twice. */
    public Duration total() {
        return timings.stream().filter(t -> !t.detail().contains("(alongside"))
                .map(StageTiming::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
