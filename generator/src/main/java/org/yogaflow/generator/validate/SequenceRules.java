package org.yogaflow.generator.validate;

import org.yogaflow.generator.content.Durations;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.content.Sequence;
import org.yogaflow.generator.content.Step;
import org.yogaflow.generator.diag.Diagnostics;

/** Holds within safe limits, and a computed length that matches the advertised one. */
final class SequenceRules {

    static final int MIN_HOLD = 5;
    static final int MAX_HOLD = 300;
    /** How far the computed length may be from the declared minutes, as a fraction. */
    static final double LENGTH_TOLERANCE = 0.10;

    private SequenceRules() {}

    static void check(Library library, Diagnostics diagnostics) {
        for (Sequence sequence : library.sequences().values()) {
            boolean holdsValid = true;
            for (int i = 0; i < sequence.steps().size(); i++) {
                Step step = sequence.steps().get(i);
                String key = "steps[" + i + "].hold";
                if (!sequence.origin().positions().containsKey(key)) {
                    holdsValid = false; // missing hold: already reported
                    continue;
                }
                if (step.hold() < MIN_HOLD || step.hold() > MAX_HOLD) {
                    holdsValid = false;
                    diagnostics.error(sequence.origin().at(key), "step " + (i + 1) + ": hold " + step.hold()
                            + " s is outside " + MIN_HOLD + "–" + MAX_HOLD + " s",
                            "use a hold between " + MIN_HOLD + " and " + MAX_HOLD + " seconds; split longer holds into repeats");
                    continue;
                }
                Pose pose = library.poses().get(step.pose());
                if (pose != null && !pose.duration().contains(step.hold())) {
                    diagnostics.warning(sequence.origin().at(key), "step " + (i + 1) + ": hold " + step.hold()
                            + " s is outside " + pose.name() + "'s usual " + pose.duration().min() + "–"
                            + pose.duration().max() + " s",
                            "check the hold, or widen 'duration' in " + pose.origin().path());
                }
            }
            if (sequence.transitionSeconds() < 0 || sequence.transitionSeconds() > 60) {
                diagnostics.error(sequence.origin().at("transition_seconds"), "'transition_seconds' must be 0–60, got "
                        + sequence.transitionSeconds(), "remove it to use the default of "
                        + Sequence.DEFAULT_TRANSITION_SECONDS + " s");
                continue;
            }
            boolean minutesGiven = sequence.origin().positions().containsKey("minutes");
            if (minutesGiven && sequence.minutes() <= 0) {
                diagnostics.error(sequence.origin().at("minutes"), "'minutes' must be positive, got " + sequence.minutes(),
                        "write the length of the class, e.g. 'minutes: 20'");
            } else if (minutesGiven && holdsValid && !sequence.steps().isEmpty()) {
                checkLength(sequence, diagnostics);
            }
        }
    }

    private static void checkLength(Sequence sequence, Diagnostics diagnostics) {
        int declared = sequence.minutes() * 60;
        int computed = sequence.computedSeconds();
        if (Math.abs(computed - declared) > declared * LENGTH_TOLERANCE) {
            // Whole minutes that would accept the computed length, if any.
            long lowest = (long) Math.ceil(computed / (60 * (1 + LENGTH_TOLERANCE)));
            long highest = (long) Math.floor(computed / (60 * (1 - LENGTH_TOLERANCE)));
            long nearest = Math.max(lowest, Math.min(highest, Math.round(computed / 60.0)));
            String fix = lowest <= highest && nearest > 0 ? "set 'minutes: " + nearest + "', or change" : "change";
            diagnostics.error(sequence.origin().at("minutes"), "declared length " + sequence.minutes()
                    + " min differs from the computed " + Durations.format(computed) + " by more than "
                    + Math.round(LENGTH_TOLERANCE * 100) + "%",
                    fix + " holds and repeats to total " + Durations.format((int) Math.ceil(declared * (1 - LENGTH_TOLERANCE)))
                            + " to " + Durations.format((int) (declared * (1 + LENGTH_TOLERANCE)))
                            + " (computed = hold × sides × repeat for each step, plus "
                            + sequence.transitionSeconds() + " s between holds)");
        }
    }
}
