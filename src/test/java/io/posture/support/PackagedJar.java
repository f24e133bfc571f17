package io.posture.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code target/posture.jar}, the product as a user runs it: started with {@code java -jar} from an
 * empty temporary folder on a free port, with nothing but its own defaults (the demo estate and
 * demo accounts come from inside the jar). Integration tests run after {@code package}, so the jar
 * is the one this build wrote.
 */
public final class PackagedJar implements AutoCloseable {

    private static final Path JAR = Path.of("target/posture.jar").toAbsolutePath();

    private final Process process;
    private final Path folder;
    private final Path log;
    private final int port;

    private PackagedJar(Process process, Path folder, Path log, int port) {
        this.process = process;
        this.folder = folder;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar and waits until its login page answers (the demo estate loads after that). */
    public static PackagedJar start(String... arguments) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after mvn package");
        }
        var folder = Files.createTempDirectory("posture-empty");
        var log = Files.createTempFile("posture-jar", ".log");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        var jar = new PackagedJar(process, folder, log, port);
        jar.awaitLoginPage(Duration.ofMinutes(3));
        return jar;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path folder() {
        return folder;
    }

    public List<String> log() throws IOException {
        return Files.readAllLines(log);
    }

    /** Lines the application logged at ERROR level. */
    public List<String> loggedErrors() throws IOException {
        return log().stream().filter(line -> line.matches("^\\S+\\s+ERROR\\s.*")).toList();
    }

    /** Waits for a line of the log, e.g. the demo estate's last import. */
    public void awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        var deadline = Instant.now().plus(timeout);
        while (log().stream().noneMatch(line -> line.contains(text))) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no '" + text + "' in the jar's log:\n" + String.join("\n", log()));
            }
            Thread.sleep(250);
        }
    }

    private void awaitLoginPage(Duration timeout) throws IOException, InterruptedException {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the jar stopped (exit " + process.exitValue() + "):\n" + String.join("\n", log()));
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(url() + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no login page within " + timeout + ":\n" + String.join("\n", log()));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        Files.deleteIfExists(log);
    }
}
