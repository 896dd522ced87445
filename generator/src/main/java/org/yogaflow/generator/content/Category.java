package org.yogaflow.generator.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fixed families of poses; the slug is what instructors write in front matter. */
public enum Category {
    STANDING("standing", "Standing"),
    SEATED("seated", "Seated"),
    BALANCE("balance", "Balance"),
    BACKBEND("backbend", "Backbend"),
    FORWARD_FOLD("forward-fold", "Forward fold"),
    TWIST("twist", "Twist"),
    INVERSION("inversion", "Inversion"),
    HIP_OPENER("hip-opener", "Hip opener"),
    CORE("core", "Core"),
    ARM_BALANCE("arm-balance", "Arm balance"),
    RESTORATIVE("restorative", "Restorative");

    public static final Map<String, Category> BY_SLUG;

    static {
        Map<String, Category> map = new LinkedHashMap<>();
        for (Category c : values()) map.put(c.slug, c);
        BY_SLUG = Collections.unmodifiableMap(map);
    }

    private final String slug;
    private final String label;

    Category(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }
}
