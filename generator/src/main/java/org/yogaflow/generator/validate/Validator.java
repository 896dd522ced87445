package org.yogaflow.generator.validate;

import java.util.List;
import org.yogaflow.generator.images.PhotoSettings;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.diag.Diagnostics;

/**
 * Runs every content rule over a loaded {@link Library} and collects all problems; it never
 * stops at the first one. Structural problems (syntax, types, unknown keys) were already
 * reported while loading.
 */
public final class Validator {

    private Validator() {}

    /**
     * @param includeDrafts whether draft poses are published, so that others may reference them
     */
    public static void validate(Library library, boolean includeDrafts, Diagnostics diagnostics) {
        validate(library, includeDrafts, PhotoSettings.DEFAULT, diagnostics);
    }

    public static void validate(Library library, boolean includeDrafts, PhotoSettings photos, Diagnostics diagnostics) {
        // The rules only read the library, and diagnostics are sorted when shown: they run side by side.
        List<Runnable> rules = List.of(
                () -> PoseRules.check(library, diagnostics),
                () -> ReferenceRules.check(library, includeDrafts, diagnostics),
                () -> SequenceRules.check(library, diagnostics),
                () -> PhotoRules.check(library, photos, diagnostics));
        rules.parallelStream().forEach(Runnable::run);
    }
}
