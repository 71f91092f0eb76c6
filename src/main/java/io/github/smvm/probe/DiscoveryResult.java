package io.github.smvm.probe;

import java.util.List;

/**
 * The outcome of probing every candidate.
 *
 * @param found working interpreters, in discovery order, without duplicates
 * @param misses candidates that are not usable, with the reason
 * @param placesLooked every place examined and what was seen there
 */
public record DiscoveryResult(List<FoundInterpreter> found, List<Miss> misses, List<String> placesLooked) {

    public DiscoveryResult {
        found = List.copyOf(found);
        misses = List.copyOf(misses);
        placesLooked = List.copyOf(placesLooked);
    }
}
