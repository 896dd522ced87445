package org.yogaflow.illustrator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * One pose drawing as written in {@code figures.yaml}: its alt text, the view, which body parts
 * rest on the floor, and the joint angles in degrees (see the comments at the top of that file).
 */
public record Figure(
        String alt,
        View view,
        List<String> ground,
        Double torso,
        Double spine,
        Double neck,
        @JsonProperty("right_arm") Arm rightArm,
        @JsonProperty("left_arm") Arm leftArm,
        @JsonProperty("right_leg") Leg rightLeg,
        @JsonProperty("left_leg") Leg leftLeg,
        Boolean wall,
        String strap) {

    /** From which side the figure is seen. */
    public enum View {
        @JsonProperty("side") SIDE,
        @JsonProperty("front") FRONT,
        @JsonProperty("top") TOP
    }

    /**
     * Shoulder, elbow and wrist angles of one arm; {@code forward} is how far the upper arm points
     * towards the viewer, which shortens it in the picture. Both optional ones default to 0.
     */
    public record Arm(Double shoulder, Double elbow, Double wrist, Double forward) {
        public Arm {
            wrist = wrist == null ? 0 : wrist;
            forward = forward == null ? 0 : forward;
        }
    }

    /** Hip, knee and toe angles of one leg; {@code toes} and {@code forward} (as for arms, on the thigh) default to 0. */
    public record Leg(Double hip, Double knee, Double toes, Double forward) {
        public Leg {
            toes = toes == null ? 0 : toes;
            forward = forward == null ? 0 : forward;
        }
    }

    public Figure {
        view = view == null ? View.SIDE : view;
        ground = ground == null ? List.of() : List.copyOf(ground);
        spine = spine == null ? 0 : spine;
        neck = neck == null ? 0 : neck;
        wall = wall != null && wall;
    }

    /** What is missing or unknown in this entry, as messages naming the field; empty when it can be drawn. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (alt == null || alt.isBlank()) problems.add("'alt' is missing");
        if (torso == null) problems.add("'torso' is missing");
        checkArm("right_arm", rightArm, problems);
        checkArm("left_arm", leftArm, problems);
        checkLeg("right_leg", rightLeg, problems);
        checkLeg("left_leg", leftLeg, problems);
        for (String region : ground) {
            if (!Skeleton.isGroundName(region)) problems.add("unknown ground part '" + region + "'");
        }
        if (view == View.TOP && !ground.isEmpty()) problems.add("a top view lies on the mat; leave out 'ground'");
        if (strap != null && !strap.equals("right_foot") && !strap.equals("left_foot")) {
            problems.add("'strap' must be right_foot or left_foot");
        }
        return problems;
    }

    private static void checkArm(String name, Arm arm, List<String> problems) {
        if (arm == null) problems.add("'" + name + "' is missing");
        else {
            if (arm.shoulder() == null) problems.add("'" + name + ".shoulder' is missing");
            if (arm.elbow() == null) problems.add("'" + name + ".elbow' is missing");
            checkForward(name, arm.forward(), problems);
        }
    }

    private static void checkLeg(String name, Leg leg, List<String> problems) {
        if (leg == null) problems.add("'" + name + "' is missing");
        else {
            if (leg.hip() == null) problems.add("'" + name + ".hip' is missing");
            if (leg.knee() == null) problems.add("'" + name + ".knee' is missing");
            checkForward(name, leg.forward(), problems);
        }
    }

    private static void checkForward(String name, double forward, List<String> problems) {
        if (forward < 0 || forward > 80) problems.add("'" + name + ".forward' must be between 0 and 80");
    }
}
