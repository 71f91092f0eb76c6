package io.github.smvm.vendor;

/** Finds out the facts of the machine; the real one reads files and runs tools, tests give fixed facts. */
public interface HostFactsSource {

    HostFacts gather();
}
