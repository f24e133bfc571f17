package io.posture.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** Entry point of the headless commands; the web application starts when no command is given. */
public final class Cli {

    private Cli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("scan") || args[0].equals("upload-scan"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        var rest = Arrays.copyOfRange(args, 1, args.length);
        return args[0].equals("upload-scan") ? new UploadScanCommand(out, err, System::getenv).run(rest)
                : new ScanCommand(out, err).run(rest);
    }
}
