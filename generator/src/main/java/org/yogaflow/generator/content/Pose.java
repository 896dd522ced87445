package org.yogaflow.generator.content;

import java.util.List;

/**
 * A pose, read from {@code content/poses/<slug>.md}: front matter fields plus the Markdown
 * instructions. Lists are never null; {@code photo} and {@code photoAlt} may be.
 */
public record Pose(
        String slug,
        String name,
        String sanskrit,
        List<String> aliases,
        Difficulty difficulty,
        Category category,
        List<String> bodyAreas,
        HoldRange duration,
        List<String> benefits,
        List<String> contraindications,
        List<String> props,
        List<String> related,
        String photo,
        String photoAlt,
        boolean draft,
        String instructions,
        Origin origin) {

    /** This pose without its origin: what it says, not where it was written. */
    public Pose withoutOrigin() {
        return new Pose(slug, name, sanskrit, aliases, difficulty, category, bodyAreas, duration, benefits,
                contraindications, props, related, photo, photoAlt, draft, instructions, null);
    }
}
