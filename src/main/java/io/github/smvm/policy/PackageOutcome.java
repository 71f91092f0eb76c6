package io.github.smvm.policy;

import io.github.smvm.selection.Status;

/** One top-level requirement's status in one environment, by its normalised name. */
public record PackageOutcome(String name, Status status) {}
