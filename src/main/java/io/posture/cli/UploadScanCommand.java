package io.posture.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.function.Function;

/**
 * {@code posture upload-scan --server URL [--token TOKEN] FILE...}: sends Trivy or Grype reports to
 * a Posture server's {@code POST /api/v1/scans} with an API token (from {@code --token} or the
 * {@code POSTURE_TOKEN} environment variable, so it stays out of the pipeline's logs). Exit codes:
 * 0 all stored, 1 the server refused a report, 2 bad usage or the server unreachable.
 */
final class UploadScanCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    UploadScanCommand(PrintStream out, PrintStream err, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    int run(String[] args) {
        String server = null;
        String token = environment.apply("POSTURE_TOKEN");
        var files = new ArrayList<Path>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = ++i < args.length ? args[i] : null;
                case "--token" -> token = ++i < args.length ? args[i] : null;
                default -> files.add(Path.of(args[i]));
            }
        }
        if (server == null || !server.matches("https?://\\S+") || token == null || token.isBlank() || files.isEmpty()) {
            err.println("usage: posture upload-scan --server https://posture.example.com [--token TOKEN] REPORT.json...");
            err.println("       the token may come from the POSTURE_TOKEN environment variable instead");
            return 2;
        }
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int exit = 0;
        for (var file : files) {
            try {
                var uri = URI.create(server.replaceAll("/+$", "") + "/api/v1/scans?name="
                        + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8));
                var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                                .header("Authorization", "Bearer " + token.trim()).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    out.println(file + ": stored " + response.body());
                } else {
                    err.println(file + ": refused with HTTP " + response.statusCode() + " " + response.body());
                    exit = Math.max(exit, response.statusCode() == 401 ? 2 : 1);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                err.println(file + ": no such file");
                return 2;
            } catch (IOException e) {
                err.println(server + " unreachable: " + e.getMessage());
                return 2;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 2;
            }
        }
        return exit;
    }
}
