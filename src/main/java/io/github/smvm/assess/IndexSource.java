package io.github.smvm.assess;

/**
 * One setting that told the assessment where to look, for the report's {@code index_sources}.
 *
 * @param setting pip's name: {@code index-url}, {@code extra-index-url}, {@code find-links},
 *     {@code no-index} or {@code cert}; or {@code http-proxy}/{@code https-proxy}, the proxy of each scheme
 * @param value the location (without credentials or query values), path, or {@code true}
 * @param origin {@code pom}, a pip configuration file with its section, a {@code PIP_*} variable,
 *     {@code requirements} (a requirements file's option) or {@code default} (pip's default index); for a
 *     proxy, {@code settings.xml <proxy> 'id'} or the variable ({@code HTTPS_PROXY})
 */
public record IndexSource(String setting, String value, String origin) {
}
