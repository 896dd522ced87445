package org.yogaflow.generator.render.views;

import org.yogaflow.generator.images.Photo;

/** What a card in the library grid, and a link to a pose anywhere, shows. {@code photo} may be null. */
public record PoseCard(String slug, String url, String name, String sanskrit, String difficulty,
        String difficultyLabel, String category, Photo photo) {}
