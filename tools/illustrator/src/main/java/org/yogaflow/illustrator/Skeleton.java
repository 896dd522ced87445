package org.yogaflow.illustrator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forward kinematics: turns a figure's joint angles into body shapes (tapered capsules) measured
 * in body heights, with y pointing up and the pelvis at the origin.
 */
public final class Skeleton {

    /** A point in body heights. */
    public record Point(double x, double y) {
        Point toward(double degrees, double length) {
            double r = Math.toRadians(degrees);
            return new Point(x + length * Math.cos(r), y + length * Math.sin(r));
        }
    }

    /** Two circles and the band between them: one rounded, tapering body segment. */
    public record Capsule(Point a, double ra, Point b, double rb) {
        double minX() { return Math.min(a.x - ra, b.x - rb); }
        double maxX() { return Math.max(a.x + ra, b.x + rb); }
        double minY() { return Math.min(a.y - ra, b.y - rb); }
        double maxY() { return Math.max(a.y + ra, b.y + rb); }
    }

    /** Drawing order, back to front; FAR parts are the limbs on the far side, drawn lighter. */
    public enum Layer { FAR, BODY, FRONT }

    /**
     * One drawn piece (a limb, or torso with head): capsules plus an optional filled polygon. A limb's
     * {@code root} is the joint circle where it grows out of the torso, drawn without a gap.
     */
    public record Part(String name, Layer layer, List<Capsule> capsules, List<Point> polygon, Capsule root) {}

    /** A thin line such as a strap, from a to b. */
    public record Line(Point a, Point b) {}

    /** Everything drawn for one figure, plus named regions (head, back, right_foot...) for floor contact. */
    public record Body(List<Part> parts, Map<String, List<Capsule>> regions, List<Line> straps) {}

    // Proportions in body heights, roughly those of an adult; a standing figure is 1.0 tall.
    static final double TORSO = 0.30, NECK = 0.05, HEAD_R = 0.066, PELVIS_R = 0.062;
    static final double UPPER_ARM = 0.17, FOREARM = 0.15, HAND = 0.07;
    static final double THIGH = 0.245, SHIN = 0.235, FOOT = 0.085, HEEL = 0.025, FRONT_FOOT = 0.05;
    static final double SHOULDER_R = 0.038, ELBOW_R = 0.03, WRIST_R = 0.022, FINGER_R = 0.016;
    static final double HIP_R = 0.056, KNEE_R = 0.038, ANKLE_R = 0.027, TOE_R = 0.016;

    private static final List<String> LIMB_REGIONS =
            List.of("hand", "forearm", "upper_arm", "elbow", "arm", "thigh", "knee", "shin", "foot", "leg");
    private static final Map<String, String> PLURALS = Map.of(
            "hands", "hand", "forearms", "forearm", "upper_arms", "upper_arm", "elbows", "elbow", "arms", "arm",
            "thighs", "thigh", "knees", "knee", "shins", "shin", "feet", "foot", "legs", "leg");

    private Skeleton() {}

    /** Whether a {@code ground} entry names a region: head, back, hips, a side's limb part, or a plural such as feet. */
    static boolean isGroundName(String name) {
        if (Set.of("head", "back", "hips").contains(name) || PLURALS.containsKey(name)) return true;
        for (String side : List.of("right_", "left_")) {
            if (name.startsWith(side) && LIMB_REGIONS.contains(name.substring(side.length()))) return true;
        }
        return false;
    }

    /** The region names a {@code ground} entry stands for: "feet" is right_foot and left_foot. */
    static List<String> groundRegions(String name) {
        String singular = PLURALS.get(name);
        return singular == null ? List.of(name) : List.of("right_" + singular, "left_" + singular);
    }

    /** Builds the body of a figure. */
    public static Body pose(Figure f) {
        return f.view() == Figure.View.SIDE ? side(f) : front(f);
    }

    // Side view: the figure faces right, so its right side is towards the viewer. Angles grow
    // counter-clockwise; flexing a hip or shoulder turns the limb towards the front of the body.
    private static Body side(Figure f) {
        double lower = f.torso() + f.spine() / 2, upper = f.torso() - f.spine() / 2;
        Point pelvis = new Point(0, 0);
        Point waist = pelvis.toward(lower, TORSO / 2);
        Point shoulder = waist.toward(upper, TORSO / 2);
        Map<String, List<Capsule>> regions = new LinkedHashMap<>();

        List<Capsule> torso = curve(pelvis, waist, shoulder, f.torso());
        Capsule hips = new Capsule(pelvis, PELVIS_R, pelvis, PELVIS_R);
        List<Capsule> head = headAndNeck(shoulder, upper - f.neck(), true, regions);
        regions.put("back", torso);
        regions.put("hips", List.of(hips));
        List<Capsule> trunk = new ArrayList<>(torso);
        trunk.addAll(head);

        List<Part> parts = new ArrayList<>();
        Map<String, Point> ends = new LinkedHashMap<>();
        for (String side : List.of("left", "right")) {
            boolean right = side.equals("right");
            Layer layer = right ? Layer.FRONT : Layer.FAR;
            Figure.Leg leg = right ? f.rightLeg() : f.leftLeg();
            double thigh = lower + 180 + leg.hip();
            double shin = thigh - leg.knee();
            double foot = shin + 90 - leg.toes();
            parts.add(leg(side, layer, pelvis, leg, thigh, shin, foot, true, regions, ends));
        }
        for (String side : List.of("left", "right")) {
            boolean right = side.equals("right");
            Layer layer = right ? Layer.FRONT : Layer.FAR;
            Figure.Arm arm = right ? f.rightArm() : f.leftArm();
            double upperArm = upper + 180 + arm.shoulder();
            double forearm = upperArm + arm.elbow();
            parts.add(arm(side, layer, shoulder, arm, upperArm, forearm, forearm + arm.wrist(), regions, ends));
        }
        parts.add(new Part("body", Layer.BODY, trunk, List.of(), null));
        return new Body(parts, regions, straps(f, ends));
    }

    // Front view: the figure faces the viewer, so its right side is on the left of the picture.
    // Hip and shoulder angles open the limb out to the side, knee and elbow angles fold it back in.
    private static Body front(Figure f) {
        double lower = f.torso() - f.spine() / 2, upper = f.torso() + f.spine() / 2;
        Point pelvis = new Point(0, 0);
        Point waist = pelvis.toward(lower, TORSO / 2);
        Point neckBase = waist.toward(upper, TORSO / 2);
        Map<String, List<Capsule>> regions = new LinkedHashMap<>();

        List<Point> outline = List.of(
                pelvis.toward(lower + 90, 0.055), waist.toward(f.torso() + 90, 0.04),
                neckBase.toward(upper + 90, 0.08), neckBase.toward(upper - 90, 0.08),
                waist.toward(f.torso() - 90, 0.04), pelvis.toward(lower - 90, 0.055));
        List<Capsule> trunk = new ArrayList<>();
        for (int i = 0; i < outline.size(); i++) {
            trunk.add(new Capsule(outline.get(i), 0.035, outline.get((i + 1) % outline.size()), 0.035));
        }
        Capsule hips = new Capsule(pelvis.toward(lower + 90, 0.045), 0.06, pelvis.toward(lower - 90, 0.045), 0.06);
        trunk.add(hips);
        regions.put("back", List.copyOf(trunk));
        regions.put("hips", List.of(hips));
        trunk.addAll(headAndNeck(neckBase, upper, false, regions));

        List<Part> parts = new ArrayList<>();
        Map<String, Point> ends = new LinkedHashMap<>();
        for (String side : List.of("right", "left")) {
            int m = side.equals("right") ? 1 : -1;
            Figure.Leg leg = m == 1 ? f.rightLeg() : f.leftLeg();
            double thigh = lower + 180 - m * leg.hip();
            double shin = thigh + m * leg.knee();
            double foot = shin - m * (75 - leg.toes());
            Point hip = pelvis.toward(lower + 90 * m, 0.045);
            parts.add(leg(side, Layer.FRONT, hip, leg, thigh, shin, foot, false, regions, ends));
        }
        parts.add(new Part("body", Layer.BODY, trunk, outline, null));
        for (String side : List.of("right", "left")) {
            int m = side.equals("right") ? 1 : -1;
            Figure.Arm arm = m == 1 ? f.rightArm() : f.leftArm();
            double upperArm = upper + 180 - m * arm.shoulder();
            double forearm = upperArm + m * arm.elbow();
            Point shoulder = neckBase.toward(upper + 90 * m, 0.085);
            parts.add(arm(side, Layer.FRONT, shoulder, arm, upperArm, forearm, forearm + m * arm.wrist(), regions, ends));
        }
        return new Body(parts, regions, straps(f, ends));
    }

    // In side view a small bun at the back of the head shows which way the figure faces.
    private static List<Capsule> headAndNeck(Point neckBase, double direction, boolean bun,
                                             Map<String, List<Capsule>> regions) {
        Point neckTop = neckBase.toward(direction, NECK);
        Point centre = neckTop.toward(direction, HEAD_R * 0.8);
        Capsule head = new Capsule(centre, HEAD_R, centre, HEAD_R);
        regions.put("head", List.of(head));
        Capsule neck = new Capsule(neckBase, 0.036, neckTop, 0.034);
        if (!bun) return List.of(neck, head);
        Point knot = centre.toward(direction + 30, HEAD_R);
        return List.of(neck, head, new Capsule(knot, 0.026, knot, 0.026));
    }

    private static Part leg(String side, Layer layer, Point hip, Figure.Leg angles, double thighDir, double shinDir,
                            double footDir, boolean sideView, Map<String, List<Capsule>> regions, Map<String, Point> ends) {
        Point knee = hip.toward(thighDir, THIGH * Math.cos(Math.toRadians(angles.forward())));
        Point ankle = knee.toward(shinDir, SHIN);
        Capsule thigh = new Capsule(hip, HIP_R, knee, KNEE_R);
        Capsule shin = new Capsule(knee, KNEE_R * 0.95, ankle, ANKLE_R);
        Point heel = sideView ? ankle.toward(footDir + 180, HEEL) : ankle;
        Point toe = ankle.toward(footDir, sideView ? FOOT : FRONT_FOOT);
        Capsule foot = new Capsule(heel, ANKLE_R * 0.95, toe, TOE_R);
        regions.put(side + "_thigh", List.of(thigh));
        regions.put(side + "_knee", List.of(new Capsule(knee, KNEE_R, knee, KNEE_R)));
        regions.put(side + "_shin", List.of(shin));
        regions.put(side + "_foot", List.of(foot));
        regions.put(side + "_leg", List.of(thigh, shin, foot));
        ends.put(side + "_foot", toe);
        return new Part(side + "_leg", layer, List.of(thigh, shin, foot), List.of(), new Capsule(hip, 0.075, hip, 0.075));
    }

    private static Part arm(String side, Layer layer, Point shoulder, Figure.Arm angles, double upperDir, double forearmDir,
                            double handDir, Map<String, List<Capsule>> regions, Map<String, Point> ends) {
        Point elbow = shoulder.toward(upperDir, UPPER_ARM * Math.cos(Math.toRadians(angles.forward())));
        Point wrist = elbow.toward(forearmDir, FOREARM);
        Point fingers = wrist.toward(handDir, HAND);
        Capsule upperArm = new Capsule(shoulder, SHOULDER_R, elbow, ELBOW_R);
        Capsule forearm = new Capsule(elbow, ELBOW_R * 0.95, wrist, WRIST_R);
        Capsule hand = new Capsule(wrist, WRIST_R, fingers, FINGER_R);
        regions.put(side + "_upper_arm", List.of(upperArm));
        regions.put(side + "_elbow", List.of(new Capsule(elbow, ELBOW_R, elbow, ELBOW_R)));
        regions.put(side + "_forearm", List.of(forearm));
        regions.put(side + "_hand", List.of(hand));
        regions.put(side + "_arm", List.of(upperArm, forearm, hand));
        ends.put(side + "_hand", wrist.toward(handDir, HAND * 0.6));
        return new Part(side + "_arm", layer, List.of(upperArm, forearm, hand), List.of(),
                new Capsule(shoulder, 0.05, shoulder, 0.05));
    }

    // A strap runs from the grip of each hand to the ball of the named foot.
    private static List<Line> straps(Figure f, Map<String, Point> ends) {
        if (f.strap() == null) return List.of();
        Point foot = ends.get(f.strap());
        return List.of(new Line(ends.get("left_hand"), foot), new Line(ends.get("right_hand"), foot));
    }

    // The spine as a smooth curve through pelvis, waist and shoulders, cut into short capsules
    // whose radii follow the body (pelvis, waist, chest, shoulders). The chest is pushed a little
    // towards the front of the body and the seat towards the back, so front and back differ.
    private static List<Capsule> curve(Point p0, Point mid, Point p2, double chord) {
        double[] radii = {PELVIS_R, 0.057, 0.072, 0.058};
        double[] shifts = {-0.005, 0, 0.009, 0.004};
        double front = Math.toRadians(chord - 90);
        Point control = new Point(2 * mid.x - (p0.x + p2.x) / 2, 2 * mid.y - (p0.y + p2.y) / 2);
        int steps = 24;
        List<Capsule> capsules = new ArrayList<>();
        Point previous = null;
        double previousR = 0;
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps, u = 1 - t, shift = smooth(shifts, t);
            Point p = new Point(u * u * p0.x + 2 * u * t * control.x + t * t * p2.x + shift * Math.cos(front),
                    u * u * p0.y + 2 * u * t * control.y + t * t * p2.y + shift * Math.sin(front));
            double r = smooth(radii, t);
            if (previous != null) capsules.add(new Capsule(previous, previousR, p, r));
            previous = p;
            previousR = r;
        }
        return capsules;
    }

    // Smooth interpolation of values given at t = 0, 0.45, 0.8 and 1.
    private static double smooth(double[] values, double t) {
        double[] at = {0, 0.45, 0.8, 1};
        for (int i = 1; i < at.length; i++) {
            if (t <= at[i]) {
                double k = (t - at[i - 1]) / (at[i] - at[i - 1]);
                return values[i - 1] + k * k * (3 - 2 * k) * (values[i] - values[i - 1]);
            }
        }
        return values[values.length - 1];
    }
}
