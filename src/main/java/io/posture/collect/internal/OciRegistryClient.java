package io.posture.collect.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the OCI distribution API ({@code /v2/}): catalog and tags (paged through the
 * {@code Link} header), manifests with the Accept header for OCI and Docker v2 types, blobs, and
 * the referrers API. Answers to a {@code WWW-Authenticate} challenge: Basic with the configured
 * user, or Bearer with a token fetched from the challenge's realm. Sizes are capped: a registry
 * is input, not trusted.
 */
public final class OciRegistryClient {

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    private static final String MANIFEST_TYPES = String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);
    private static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How to authenticate: nothing, a user and password (Basic, or to get Bearer tokens), or a fixed bearer token. */
    public record Credentials(String username, String password, String bearerToken) {
        public static final Credentials ANONYMOUS = new Credentials(null, null, null);
    }

    /** A manifest as fetched: its digest, media type and body. */
    public record Manifest(String digest, String mediaType, JsonNode body) {
    }

    public static class RegistryException extends RuntimeException {
        public RegistryException(String message) {
            super(message);
        }
    }

    private final URI base;
    private final Credentials credentials;
    private final HttpClient http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public OciRegistryClient(URI base, Credentials credentials) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.credentials = credentials;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Checks that the endpoint speaks the distribution API and accepts the credentials. */
    public void ping() {
        document("v2/", null, "registry:catalog:*");
    }

    public List<String> catalog(int limit) {
        return paged("v2/_catalog?n=100", "repositories", "registry:catalog:*", limit);
    }

    public List<String> tags(String repository) {
        return paged("v2/" + repository + "/tags/list?n=500", "tags", pullScope(repository), 100_000);
    }

    public Manifest manifest(String repository, String reference) {
        var response = send("v2/" + repository + "/manifests/" + encode(reference), MANIFEST_TYPES, pullScope(repository));
        var body = parse(response.body(), "manifest " + repository + ":" + reference);
        var digest = response.headers().firstValue("Docker-Content-Digest").orElseGet(() -> "sha256:" + io.posture.shared.Sha256.hex(response.body()));
        var mediaType = body.path("mediaType").asString(response.headers().firstValue("Content-Type").orElse(OCI_MANIFEST));
        return new Manifest(digest, mediaType.split(";")[0].trim(), body);
    }

    public JsonNode blob(String repository, String digest) {
        return parse(send("v2/" + repository + "/blobs/" + digest, "*/*", pullScope(repository)).body(), "blob " + digest);
    }

    /** The artifact types that refer to a manifest, or null when the registry has no referrers API. */
    public List<String> referrerTypes(String repository, String digest) {
        var response = request("v2/" + repository + "/referrers/" + digest, OCI_INDEX, pullScope(repository));
        if (response.statusCode() == 404 || response.statusCode() == 405) {
            return null;
        }
        check(response, "referrers of " + repository + "@" + digest);
        var types = new ArrayList<String>();
        for (var manifest : parse(response.body(), "referrers").path("manifests")) {
            types.add(manifest.path("artifactType").asString(""));
        }
        return types;
    }

    private List<String> paged(String first, String field, String scope, int limit) {
        var names = new ArrayList<String>();
        String next = first;
        int pages = 0;
        while (next != null && names.size() < limit && pages++ < 10_000) {
            var response = send(next, "application/json", scope);
            for (var name : parse(response.body(), next).path(field)) {
                names.add(name.asString());
            }
            next = response.headers().firstValue("Link").map(OciRegistryClient::nextLink).orElse(null);
        }
        return names.size() > limit ? names.subList(0, limit) : names;
    }

    static String nextLink(String header) {
        Matcher matcher = NEXT_LINK.matcher(header);
        if (!matcher.find()) {
            return null;
        }
        var target = matcher.group(1);
        return target.startsWith("/") ? target.substring(1) : target;
    }

    private JsonNode document(String path, String accept, String scope) {
        return parse(send(path, accept == null ? "application/json" : accept, scope).body(), path);
    }

    private HttpResponse<byte[]> send(String path, String accept, String scope) {
        var response = request(path, accept, scope);
        check(response, path);
        return response;
    }

    private static void check(HttpResponse<byte[]> response, String what) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new RegistryException(what + ": access denied (HTTP " + status + "); check the registry's credentials");
        }
        if (status / 100 != 2) {
            throw new RegistryException(what + ": HTTP " + status);
        }
    }

    private HttpResponse<byte[]> request(String path, String accept, String scope) {
        var uri = path.startsWith("http://") || path.startsWith("https://") ? URI.create(path) : base.resolve(path);
        var response = exchange(uri, accept, authorization(scope));
        if (response.statusCode() == 401) {
            var challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            var answer = answer(challenge, scope);
            if (answer != null) {
                response = exchange(uri, accept, answer);
            }
        }
        return response;
    }

    private String authorization(String scope) {
        if (credentials.bearerToken() != null) {
            return "Bearer " + credentials.bearerToken();
        }
        var token = tokens.get(scope);
        return token == null ? null : "Bearer " + token;
    }

    /** The Authorization header that answers a challenge, or null when there is nothing to answer with. */
    private String answer(String challenge, String scope) {
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            return credentials.username() == null ? null : basic();
        }
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            return null;
        }
        var parameters = challengeParameters(challenge);
        var realm = parameters.get("realm");
        if (realm == null) {
            return null;
        }
        var query = new StringBuilder("?");
        if (parameters.containsKey("service")) {
            query.append("service=").append(URLEncoder.encode(parameters.get("service"), StandardCharsets.UTF_8)).append('&');
        }
        query.append("scope=").append(URLEncoder.encode(parameters.getOrDefault("scope", scope), StandardCharsets.UTF_8));
        var response = exchange(URI.create(realm + query), "application/json", credentials.username() == null ? null : basic());
        if (response.statusCode() / 100 != 2) {
            throw new RegistryException("token service " + realm + ": HTTP " + response.statusCode() + "; check the registry's credentials");
        }
        var body = parse(response.body(), "token");
        var token = body.path("token").asString(body.path("access_token").asString(""));
        if (token.isEmpty()) {
            throw new RegistryException("token service " + realm + " returned no token");
        }
        tokens.put(scope, token);
        return "Bearer " + token;
    }

    static Map<String, String> challengeParameters(String challenge) {
        var parameters = new LinkedHashMap<String, String>();
        var matcher = CHALLENGE_PARAMETER.matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), matcher.group(2));
        }
        return parameters;
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.username() + ":" + (credentials.password() == null ? "" : credentials.password()))
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> exchange(URI uri, String accept, String authorization) {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", accept).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                var bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
                if (bytes.length > MAX_DOCUMENT_BYTES) {
                    throw new RegistryException(uri.getPath() + ": answer larger than " + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MB");
                }
                return new BytesResponse(response, bytes);
            }
        } catch (IOException e) {
            throw new RegistryException(uri.getHost() + ":" + uri.getPort() + " unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted");
        }
    }

    private static JsonNode parse(byte[] body, String what) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new RegistryException(what + ": not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String pullScope(String repository) {
        return "repository:" + repository + ":pull";
    }

    private static String encode(String reference) {
        return URLEncoder.encode(reference, StandardCharsets.UTF_8).replace("%3A", ":");
    }

    /** A response whose body was read, capped, into memory. */
    private record BytesResponse(HttpResponse<InputStream> original, byte[] body) implements HttpResponse<byte[]> {
        public int statusCode() {
            return original.statusCode();
        }

        public HttpRequest request() {
            return original.request();
        }

        public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
            return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
            return original.headers();
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return original.sslSession();
        }

        public URI uri() {
            return original.uri();
        }

        public HttpClient.Version version() {
            return original.version();
        }
    }
}
