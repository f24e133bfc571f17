package io.posture.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a CLI command with its standard output (emptied first) and error captured, as the CLI tests read them. */
final class CliRuns {

    private CliRuns() {
    }

    static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String command, String... args) {
        out.reset();
        var all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
