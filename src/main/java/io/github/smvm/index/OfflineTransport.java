package io.github.smvm.index;

import java.net.URI;
import java.util.Map;

/**
 * The transport of an offline build: every request fails with {@link TransportException.Kind#OFFLINE}
 * without leaving the machine. Cached pages and metadata are still answered by the caches in front of it.
 */
public final class OfflineTransport implements HttpTransport {

    @Override
    public Response get(URI url, Map<String, String> headers) throws TransportException {
        throw new TransportException(TransportException.Kind.OFFLINE, "offline: " + Urls.redactSecrets(url)
                + " was not requested and is not in the cache (offline, only file:// indexes, find-links "
                + "directories and cached pages are used)");
    }
}
