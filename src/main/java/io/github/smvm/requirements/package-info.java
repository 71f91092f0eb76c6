/**
 * Reading the project's requirement inputs: pip requirements files
 * ({@link io.github.smvm.requirements.RequirementsFileParser}), {@code pyproject.toml}
 * ({@link io.github.smvm.requirements.PyprojectReader}), {@code pylock.toml}
 * ({@link io.github.smvm.requirements.PylockReader}) and the pom's {@code <packages>}
 * ({@link io.github.smvm.requirements.PomPackages}).
 *
 * <p>Requirements are kept as text with their origin; PEP 508 parsing happens elsewhere. Every
 * problem is a {@link io.github.smvm.requirements.RequirementsFileException} whose message starts
 * with the place.
 *
 * <p>Where the requirements-file parser knowingly differs from pip (23.x/24.x):
 * <ul>
 *   <li>Files without a byte-order mark or coding declaration must be UTF-8; pip falls back to the
 *       locale's encoding, which would make results depend on the build machine.</li>
 *   <li>Words after the options of a line ({@code pkg --hash=... other}), more than one {@code -e}
 *       on a line and an include sharing its line with other options are errors; pip silently
 *       ignores the extra parts.</li>
 *   <li>Empty option values ({@code --index-url=}) are errors.</li>
 *   <li>Global options written on a requirement line are ignored as pip does, with a warning.</li>
 *   <li>Every {@code -f} of a line is kept (pip keeps the first); a later {@code --index-url} does
 *       not drop earlier {@code --extra-index-url}s (pip's does, as a side effect of how it
 *       rebuilds its index list).</li>
 *   <li>Includes over HTTP(S) are not supported; {@code file:} URLs are.</li>
 * </ul>
 */
package io.github.smvm.requirements;
