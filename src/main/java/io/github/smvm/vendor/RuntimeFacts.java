package io.github.smvm.vendor;

/**
 * The build's own runtime, as the Maven plugin sees it.
 *
 * @param javaVersion {@code java.version}
 * @param javaVendor {@code java.vendor}, or {@code null}
 * @param mavenVersion the running Maven's version, or {@code null} when unknown
 */
public record RuntimeFacts(String javaVersion, String javaVendor, String mavenVersion) {
}
