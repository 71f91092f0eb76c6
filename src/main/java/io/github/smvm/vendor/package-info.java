/**
 * The vendor support report: what a package vendor (or a platform team) needs in order to publish
 * the missing wheels, built only from what the plugin observed — the assessment, the fallback goal's
 * log, the machine's facts and the interpreters found — never from canned text.
 *
 * <p>{@link io.github.smvm.vendor.VendorReport} builds the JSON document and renders the Markdown
 * from it; {@link io.github.smvm.vendor.HostFactsSource} hides the machine (the real one,
 * {@link io.github.smvm.vendor.SystemHostFacts}, reads {@code os-release} and runs
 * {@code ldd}/{@code gcc}/{@code clang} with a timeout); {@link io.github.smvm.vendor.FallbackLog}
 * reads the fallback log tolerantly; {@link io.github.smvm.vendor.SecretScrubber} is the last line of
 * defence against credentials in either file. No Maven types here.
 */
package io.github.smvm.vendor;
