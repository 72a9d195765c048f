package fr.carnet.sync;

import java.util.Map;

/**
 * One HTTP request as the sync API sees it, independent of the HTTP stack: the server's routes
 * and the client's transports both speak it.
 *
 * @param headers lower-case names
 * @param body    the (decompressed) body, empty for GET
 */
public record WireRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                          byte[] body, String remoteAddress) {
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
