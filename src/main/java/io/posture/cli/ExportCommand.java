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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code posture export --server URL --benchmark ID [--cluster C] [--namespace N] [--team T] [--as-of INSTANT | --run ID]
 * [--format package|pdf|results.csv|findings.csv|json|oscal] --out FILE}: downloads evidence from a Posture server with a
 * compliance officer's API token ({@code --token} or {@code POSTURE_TOKEN}). Exit codes: 0 written, 1 refused, 2 bad usage.
 */
final class ExportCommand {

    private static final List<String> QUERY_OPTIONS = List.of("benchmark", "cluster", "namespace", "team", "as-of", "run");

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    ExportCommand(PrintStream out, PrintStream err, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    int run(String[] args) {
        var options = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                return usage();
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        var server = options.remove("server");
        var token = options.containsKey("token") ? options.remove("token") : environment.apply("POSTURE_TOKEN");
        var format = options.containsKey("format") ? options.remove("format") : "package";
        var target = options.remove("out");
        if (args.length % 2 != 0 || server == null || !server.matches("https?://\\S+") || token == null || target == null
                || !options.containsKey("benchmark") || !QUERY_OPTIONS.containsAll(options.keySet())) {
            return usage();
        }
        var query = options.entrySet().stream().map(option -> (option.getKey().equals("as-of") ? "asOf" : option.getKey()) + "="
                + URLEncoder.encode(option.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var uri = URI.create(server.replaceAll("/+$", "") + "/api/v1/evidence/" + URLEncoder.encode(format, StandardCharsets.UTF_8) + "?" + query);
        try {
            var response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token.trim()).build(),
                    HttpResponse.BodyHandlers.ofFile(Path.of(target)));
            if (response.statusCode() != 200) {
                err.println("refused with HTTP " + response.statusCode() + ": " + java.nio.file.Files.readString(Path.of(target)));
                java.nio.file.Files.deleteIfExists(Path.of(target));
                return 1;
            }
            out.println(target + ": written (" + java.nio.file.Files.size(Path.of(target)) + " bytes)");
            return 0;
        } catch (IOException e) {
            err.println(server + " unreachable or " + target + " not writable: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private int usage() {
        err.println("usage: posture export --server URL --benchmark ID [--cluster C] [--namespace N] [--team T]");
        err.println("       [--as-of 2026-03-01T00:00:00Z | --run RUN_ID] [--format package|pdf|results.csv|findings.csv|json|oscal]");
        err.println("       --out FILE   (the token from --token or the POSTURE_TOKEN environment variable)");
        return 2;
    }
}
