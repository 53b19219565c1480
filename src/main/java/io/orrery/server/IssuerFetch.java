package io.orrery.server;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads an identity provider's discovery document and key set with the JDK's HTTP client (the server never uses
 * OkHttp): bounded in time (5 s to connect, 10 s to the answer) and size (1 MiB); redirects are followed, never
 * from https to http.
 */
final class IssuerFetch implements ResourceRetriever {
    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration TOTAL = Duration.ofSeconds(10);
    static final int MOST = 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("not a URI: " + url, e);
        }
        HttpRequest r = HttpRequest.newBuilder(uri).timeout(TOTAL).header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + url, e);
        }
        try (InputStream in = answer.body()) {
            byte[] body = in.readNBytes(MOST + 1);
            if (answer.statusCode() != 200) {
                throw new IOException(url + " answered HTTP " + answer.statusCode());
            }
            if (body.length > MOST) {
                throw new IOException(url + " is larger than " + MOST + " bytes");
            }
            return new Resource(new String(body, StandardCharsets.UTF_8),
                    answer.headers().firstValue("Content-Type").orElse(null));
        }
    }
}
