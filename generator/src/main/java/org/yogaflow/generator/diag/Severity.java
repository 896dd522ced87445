package org.yogaflow.generator.diag;

import java.util.Locale;

/** How serious a content problem is: errors stop a build, warnings only with {@code --strict}. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
