package io.posture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.posture.support.Manifests.deployment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a real Posture process, once while it imports a cluster and once while it evaluates
 * it, then a start on the same H2 file: no run is left RUNNING, what was committed is still there,
 * and the evaluation the kill cut off is done again.
 */
class CrashRecoveryIT {

    private static final int FILES = 60;
    private static final int PER_FILE = 50;
    private static final String USER = "sa";

    @Test
    void killedDuringImportAndEvaluationThenStartedAgain(@TempDir Path folder) throws Exception {
        var estate = folder.resolve("estate/clusters/big");
        for (int f = 0; f < FILES; f++) {
            var text = new StringBuilder();
            for (int d = 0; d < PER_FILE; d++) {
                text.append("---\n").append(deployment("ns-" + f, "app-" + d, "registry.example.com/app-" + d + ":1",
                        d % 2 == 0 ? "{privileged: true}" : "{}"));
            }
            Files.createDirectories(estate);
            Files.writeString(estate.resolve("part-" + f + ".yaml"), text);
        }
        var database = folder.resolve("data/posture");

        var importing = start(database, folder.resolve("estate"), true);
        importing.awaitLog("Importing ", Duration.ofSeconds(120));
        Thread.sleep(1500);
        importing.kill();
        long committed = count(database, "select count(*) from workload");
        assertThat(count(database, "select count(*) from collection_run where status = 'RUNNING'")).isEqualTo(1);

        var evaluating = start(database, folder.resolve("estate"), false);
        evaluating.awaitLog("Evaluating cluster", Duration.ofSeconds(120));
        Thread.sleep(1000);
        evaluating.kill();

        var recovering = start(database, folder.resolve("estate"), false);
        recovering.awaitLog("Findings of cluster big", Duration.ofSeconds(240));
        recovering.stop();

        assertThat(count(database, "select count(*) from collection_run where status = 'RUNNING'")).isZero();
        assertThat(count(database, "select count(*) from collection_run_problem where location = 'interrupted'")).isEqualTo(1);
        assertThat(count(database, "select count(*) from workload")).isEqualTo(committed).isPositive();
        assertThat(count(database, "select count(distinct workload_id) from control_result")).isEqualTo(committed);
        assertThat(count(database, "select count(*) from finding where control_id = 'privileged' and status = 'OPEN'"))
                .isEqualTo(count(database, "select count(*) from workload_container where security_context like '%\"privileged\":true%'"));
        System.out.printf("crash test: %d of %d workloads committed before the kill, all evaluated after the restart%n",
                committed, FILES * PER_FILE);
    }

    private static long count(Path database, String query) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + database + ";IFEXISTS=TRUE", USER, "");
             var rows = connection.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static App start(Path database, Path demo, boolean loadDemo) throws IOException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                PostureApplication.class.getName(), "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + database + ";AUTO_SERVER=FALSE;WRITE_DELAY=0",
                "--spring.datasource.username=" + USER,
                "--posture.demo.enabled=" + loadDemo, "--posture.demo.path=" + demo,
                "--posture.security.admin-password=crash-test-admin"));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new App(process);
    }

    /** A forked Posture and the lines it has logged so far. */
    private static final class App {
        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        App(Process process) {
            this.process = process;
            var reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void awaitLog(String text, Duration timeout) throws InterruptedException {
            var deadline = Instant.now().plus(timeout);
            while (lines.stream().noneMatch(line -> line.contains(text))) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new AssertionError("no '" + text + "' in the log; last lines:\n"
                            + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                }
                Thread.sleep(100);
            }
        }

        /** kill -9: no shutdown hook, no flush, no close. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
