package org.yogaflow.generator.render;

/** The theme (templates or assets) is broken: a problem for whoever edits site-theme/, not content. */
public final class ThemeException extends RuntimeException {
    public ThemeException(String message, Throwable cause) {
        super(message, cause);
    }
}
