/**
 * PEP 425 compatibility tags as pip's vendored {@code packaging} 24.1 computes them, as pure functions.
 *
 * <ul>
 *   <li>{@link io.github.smvm.tags.Platforms} / {@link io.github.smvm.tags.Platform}: platform-tag expansion
 *       (manylinux, musllinux, macOS, Windows, other).</li>
 *   <li>{@link io.github.smvm.tags.TagGenerator}: {@code cpython_tags}, {@code generic_tags},
 *       {@code compatible_tags} and {@code sys_tags} equivalents.</li>
 *   <li>{@link io.github.smvm.tags.TagEnvironment}: an {@link io.github.smvm.tags.Interpreter} plus platform tags;
 *       {@link io.github.smvm.tags.TargetId} builds one from ids like {@code cp312-manylinux_2_28_x86_64}.</li>
 *   <li>{@link io.github.smvm.tags.SupportedTags} and {@link io.github.smvm.tags.Compatibility}: wheel priority or
 *       the most informative {@link io.github.smvm.tags.IncompatibleReason}.</li>
 * </ul>
 *
 * <p>Nothing here reads the running machine; every fact about an interpreter is a parameter.
 */
package io.github.smvm.tags;
