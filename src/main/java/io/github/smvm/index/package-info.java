/**
 * Reading Python package indexes the way pip does.
 *
 * <ul>
 *   <li>Model: {@link io.github.smvm.index.ProjectPage}, {@link io.github.smvm.index.IndexFile},
 *       {@link io.github.smvm.index.ProjectResult} (Found / NotFound / Failed).
 *   <li>Pure parsers (text in, model out): {@link io.github.smvm.index.Pep503HtmlParser},
 *       {@link io.github.smvm.index.Pep691JsonParser}, {@link io.github.smvm.index.FindLinksHtmlParser}.
 *   <li>Sources ({@link io.github.smvm.index.IndexClient}): {@link io.github.smvm.index.HttpIndexClient},
 *       {@link io.github.smvm.index.FileIndexClient}, {@link io.github.smvm.index.FindLinksSource},
 *       {@link io.github.smvm.index.CompositeIndex}. Each caches its results per instance and bounds
 *       concurrent fetches; there is no static mutable state.
 *   <li>HTTP goes through {@link io.github.smvm.index.HttpTransport} (implemented by
 *       {@link io.github.smvm.index.JdkHttpTransport}).
 *   <li>{@link io.github.smvm.index.MetadataFetcher}: a distribution's METADATA via PEP 658 or
 *       range requests into the wheel.
 * </ul>
 *
 * URLs in messages go through {@link io.github.smvm.index.Urls#redactSecrets(java.net.URI)}: no user-info, no query values.
 */
package io.github.smvm.index;
