package io.posture.support;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Debian's {@code docker-registry} (the CNCF distribution registry) on 127.0.0.1 with basic auth,
 * and images pushed into it with {@code skopeo} from OCI layouts written here, byte for byte, so
 * that their digests are known. No Docker engine is needed.
 */
public final class RealRegistry implements AutoCloseable {

    public static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
    public static final Path SKOPEO = Path.of("/usr/bin/skopeo");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path home;
    private final int port;
    private final String user;
    private final String password;
    private final Process process;

    public static boolean installed() {
        return Files.isExecutable(REGISTRY) && Files.isExecutable(SKOPEO);
    }

    public RealRegistry(String user, String password) throws IOException, InterruptedException {
        this.user = user;
        this.password = password;
        home = Files.createTempDirectory("posture-registry");
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(home.resolve("htpasswd"), user + ":" + new BCryptPasswordEncoder().encode(password) + "\n");
        Files.writeString(home.resolve("config.yml"), """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                auth:
                  htpasswd:
                    realm: posture-test
                    path: %s
                """.formatted(home.resolve("data"), port, home.resolve("htpasswd")));
        process = new ProcessBuilder(REGISTRY.toString(), "serve", home.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("registry.log").toFile()).start();
        var http = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                var status = http.send(HttpRequest.newBuilder(URI.create(url() + "/v2/")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 401) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("docker-registry did not start: " + Files.readString(home.resolve("registry.log")));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    /** An image for one platform: its config says who runs it, when it was built and its labels. */
    public record Platform(String os, String architecture, String user, Instant created, Map<String, String> labels) {
    }

    /** Pushes a single-platform image and returns its manifest digest. */
    public String push(String repository, String tag, Platform platform) throws IOException, InterruptedException {
        var layout = newLayout();
        var manifest = writeImage(layout, platform);
        writeIndex(layout, List.of(descriptor(manifest, "application/vnd.oci.image.manifest.v1+json", null)), tag);
        copy(layout, tag, repository + ":" + tag, false);
        return manifest.digest();
    }

    /** Pushes a multi-platform image (an OCI image index) and returns the index's digest. */
    public String pushIndex(String repository, String tag, List<Platform> platforms) throws IOException, InterruptedException {
        var layout = newLayout();
        var entries = JSON.createArrayNode();
        for (var platform : platforms) {
            entries.add(descriptor(writeImage(layout, platform), "application/vnd.oci.image.manifest.v1+json",
                    Map.of("os", platform.os(), "architecture", platform.architecture())));
        }
        var index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.index.v1+json");
        index.set("manifests", entries);
        var blob = blob(layout, JSON.writeValueAsBytes(index));
        writeIndex(layout, List.of(descriptor(blob, "application/vnd.oci.image.index.v1+json", null)), tag);
        copy(layout, tag, repository + ":" + tag, true);
        return blob.digest();
    }

    /** Pushes a cosign-style signature of a digest: a manifest tagged {@code sha256-<hex>.sig}. */
    public void pushSignature(String repository, String digest) throws IOException, InterruptedException {
        var layout = newLayout();
        var config = blob(layout, "{}".getBytes(StandardCharsets.UTF_8));
        var payload = blob(layout, ("{\"critical\":{\"image\":{\"docker-manifest-digest\":\"" + digest + "\"},\"type\":\"cosign container image signature\"}}")
                .getBytes(StandardCharsets.UTF_8));
        var manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.set("config", descriptor(config, "application/vnd.oci.image.config.v1+json", null));
        var layer = descriptor(payload, "application/vnd.dev.cosign.simplesigning.v1+json", null);
        layer.putObject("annotations").put("dev.cosignproject.cosign/signature", "MEUCIQDtest");
        manifest.putArray("layers").add(layer);
        var written = blob(layout, JSON.writeValueAsBytes(manifest));
        var tag = digest.replace(':', '-') + ".sig";
        writeIndex(layout, List.of(descriptor(written, "application/vnd.oci.image.manifest.v1+json", null)), tag);
        copy(layout, tag, repository + ":" + tag, false);
    }

    private record Blob(String digest, long size) {
    }

    private Path newLayout() throws IOException {
        var layout = Files.createTempDirectory(home, "layout");
        Files.createDirectories(layout.resolve("blobs/sha256"));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        return layout;
    }

    private Blob writeImage(Path layout, Platform platform) throws IOException {
        var tar = tarOf("hello.txt", ("built for " + platform.architecture() + " at " + platform.created()).getBytes(StandardCharsets.UTF_8));
        var gzipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(tar);
        }
        var layer = blob(layout, gzipped.toByteArray());
        var config = JSON.createObjectNode().put("created", platform.created().toString())
                .put("architecture", platform.architecture()).put("os", platform.os());
        var settings = config.putObject("config").put("User", platform.user());
        var labels = settings.putObject("Labels");
        platform.labels().forEach(labels::put);
        config.putObject("rootfs").put("type", "layers").putArray("diff_ids").add("sha256:" + sha256(tar));
        var configBlob = blob(layout, JSON.writeValueAsBytes(config));
        var manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.set("config", descriptor(configBlob, "application/vnd.oci.image.config.v1+json", null));
        manifest.putArray("layers").add(descriptor(layer, "application/vnd.oci.image.layer.v1.tar+gzip", null));
        return blob(layout, JSON.writeValueAsBytes(manifest));
    }

    private static ObjectNode descriptor(Blob blob, String mediaType, Map<String, String> platform) {
        var descriptor = JSON.createObjectNode().put("mediaType", mediaType).put("digest", blob.digest()).put("size", blob.size());
        if (platform != null) {
            var node = descriptor.putObject("platform");
            platform.forEach(node::put);
        }
        return descriptor;
    }

    private static void writeIndex(Path layout, List<ObjectNode> manifests, String tag) throws IOException {
        var index = JSON.createObjectNode().put("schemaVersion", 2);
        var array = index.putArray("manifests");
        for (var manifest : manifests) {
            manifest.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
            array.add(manifest);
        }
        Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(index));
    }

    private static Blob blob(Path layout, byte[] content) throws IOException {
        var hex = sha256(content);
        Files.write(layout.resolve("blobs/sha256/" + hex), content);
        return new Blob("sha256:" + hex, content.length);
    }

    private void copy(Path layout, String layoutTag, String destination, boolean all) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of(SKOPEO.toString(), "--insecure-policy", "copy", "--quiet", "--preserve-digests",
                "--dest-tls-verify=false", "--dest-creds", user + ":" + password));
        if (all) {
            command.add("--all");
        }
        command.add("oci:" + layout + ":" + layoutTag);
        command.add("docker://" + host() + "/" + destination);
        var skopeo = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(skopeo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!skopeo.waitFor(60, TimeUnit.SECONDS) || skopeo.exitValue() != 0) {
            throw new IllegalStateException("skopeo copy to " + destination + " failed: " + output);
        }
    }

    /** A POSIX tar archive with one regular file. */
    private static byte[] tarOf(String name, byte[] content) {
        var header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, String.format("%011o", 1_700_000_000L));
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
        int padded = (content.length + 511) / 512 * 512;
        var tar = new byte[512 + padded + 1024];
        System.arraycopy(header, 0, tar, 0, 512);
        System.arraycopy(content, 0, tar, 512, content.length);
        return tar;
    }

    private static void put(byte[] target, int offset, String text) {
        var bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
