package io.posture.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** Entry point of the headless commands; the web application starts when no command is given. */
public final class Cli {

    private Cli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && java.util.Set.of("scan", "benchmarks", "upload-scan", "verify", "export", "backup").contains(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        var rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "benchmarks" -> new BenchmarksCommand(out, err).run(rest);
                case "upload-scan" -> new UploadScanCommand(out, err, System::getenv).run(rest);
                case "verify" -> new VerifyCommand(out, err).run(rest);
                case "export" -> new ExportCommand(out, err, System::getenv).run(rest);
                case "backup" -> new BackupCommand(out, err).run(rest);
                default -> new ScanCommand(out, err).run(rest);
            };
        } catch (RuntimeException | StackOverflowError e) {
            // a pipeline reads the exit code: whatever went wrong is an input error (2), never "failures found" (1)
            err.println("posture " + args[0] + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return ScanCommand.ERROR;
        }
    }
}
