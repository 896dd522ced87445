package org.yogaflow.generator.render.views;

/** Site-wide settings the layout uses. */
public record SiteInfo(String title, String tagline, String language) {
    public static final SiteInfo DEFAULT =
            new SiteInfo("YogaFlow", "Poses and sequences for every practice", "en");
}
