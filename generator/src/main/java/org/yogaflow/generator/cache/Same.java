package org.yogaflow.generator.cache;

import java.util.Objects;

/**
 * A memo key made of the very same object (compared by identity: a pose read from an unchanged
 * file is the same object from build to build in a long-running process) and other values,
 * compared as usual. Cheap to hash and compare where hashing a whole pose is not; an equal but
 * distinct object only misses the memo, which then makes its value again.
 */
public record Same(Object item, Object with) {

    @Override
    public boolean equals(Object o) {
        return o instanceof Same other && item == other.item && Objects.equals(with, other.with);
    }

    @Override
    public int hashCode() {
        return 31 * System.identityHashCode(item) + Objects.hashCode(with);
    }
}
