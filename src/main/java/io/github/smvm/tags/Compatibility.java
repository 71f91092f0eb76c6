package io.github.smvm.tags;

import java.util.Objects;

/** Whether a wheel's tags fit an environment's {@link SupportedTags}. */
public sealed interface Compatibility {

    boolean isCompatible();

    /** The wheel fits; {@code priority} is the index of its best tag (lower is better). */
    record Compatible(int priority) implements Compatibility {
        public Compatible {
            if (priority < 0) {
                throw new IllegalArgumentException("priority must be >= 0, got " + priority);
            }
        }

        @Override
        public boolean isCompatible() {
            return true;
        }
    }

    /** The wheel does not fit; {@code detail} is a one-line human explanation. */
    record Incompatible(IncompatibleReason reason, String detail) implements Compatibility {
        public Incompatible {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isCompatible() {
            return false;
        }
    }
}
