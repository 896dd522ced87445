package org.yogaflow.generator.content;

/**
 * Templates for new content files. Each is valid as written (it uses a body area and a pose
 * that exist in the library) and explains every field in a comment, so an instructor can
 * fill it in without opening the README.
 */
public record Scaffold(String bodyArea, String pose) {

    /** Picks real vocabulary from the library, falling back to common values for an empty one. */
    public static Scaffold from(Library library) {
        String area = library.taxonomy().bodyAreas().keySet().stream().findFirst().orElse("hamstrings");
        String pose = library.poses().values().stream().filter(p -> !p.draft()).map(Pose::slug).findFirst()
                .orElse("mountain");
        return new Scaffold(area, pose);
    }

    public String pose(String name) {
        return """
                ---
                # Required. The English name readers know.
                name: %s
                # Required. Sanskrit with IAST diacritics, e.g. Vṛkṣāsana. Other spellings go in aliases.
                sanskrit: Sanskrit name
                # Other names people search for, e.g. [Down Dog].
                aliases: []
                # Required: beginner | intermediate | advanced
                difficulty: beginner
                # One of: standing, seated, balance, backbend, forward-fold, twist, inversion,
                # hip-opener, core, arm-balance, restorative
                category: standing
                # Required: 1 to 3 areas from content/taxonomy.yaml.
                body_areas: [%s]
                # Usual hold in seconds; sequences holding it outside get a warning.
                duration: {min: 15, max: 60}
                benefits: []
                contraindications: []
                props: []
                # Slugs (file names without .md) of preparatory or follow-up poses.
                related: []
                # A file in content/photos/; photo_alt is then required.
                # photo: %s.jpg
                # photo_alt: Describe what the photo shows.
                # Drafts are left out of the site unless you build with --drafts.
                draft: true
                ---
                1. First step into the pose.
                2. Alignment cue.
                3. Breath, and how to come out.

                **Variation:** an easier or harder option.
                """.formatted(yamlText(name), bodyArea, ContentLoader.slugify(name));
    }

    public String sequence(String title) {
        // One pose held 60 s on each side, plus one 5 s transition: 125 s, within 10% of 2 minutes.
        return """
                # Required. The class name readers see.
                title: %s
                # Required: beginner | intermediate | advanced
                difficulty: beginner
                # Required. The advertised length; the computed length (holds × sides × repeats,
                # plus transition_seconds between holds) must be within 10%% of it.
                minutes: 2
                audience: Everyone
                benefits: []
                # Markdown.
                description: |
                  What the class is for, in a sentence or two.
                # Seconds allowed to move between two holds (default 5).
                transition_seconds: 5
                # Leave out of the site until ready (remove to publish).
                draft: true
                steps:
                  # pose: a file name in content/poses/ without .md
                  # hold: seconds (5–300); side: both | left | right (both counts twice); repeat: default 1
                  - pose: %s
                    hold: 60
                    side: both
                    transition: Step forward to the front of the mat.
                    cue: Breathe slowly through the nose.
                """.formatted(yamlText(title), pose);
    }

    /** Quotes a value when YAML would otherwise misread it. */
    private static String yamlText(String s) {
        boolean plain = s.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} ()'.,-]*") && !s.contains(": ");
        return plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
