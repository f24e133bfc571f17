package io.posture.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * {@code posture backup [--db PATH] OUT.zip|OUT.sql}: copies the H2 database while Posture is
 * stopped (the running application holds the file), as H2's {@code BACKUP TO} zip, which restores
 * by unzipping it in place of the data folder, or as {@code SCRIPT TO} SQL, which any H2 version
 * reads back with {@code RUNSCRIPT}. Exit codes: 0 written, 2 bad usage or the database unavailable.
 */
final class BackupCommand {

    private static final String USAGE = "usage: posture backup [--db ./data/posture] OUT.zip|OUT.sql";

    private final PrintStream out;
    private final PrintStream err;

    BackupCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        var database = Path.of("data", "posture");
        Path target = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db") && i + 1 < args.length) {
                database = Path.of(args[++i]);
            } else if (target == null && !args[i].startsWith("--")) {
                target = Path.of(args[i]);
            } else {
                err.println(USAGE);
                return ScanCommand.ERROR;
            }
        }
        if (target == null) {
            err.println(USAGE);
            return ScanCommand.ERROR;
        }
        if (!Files.exists(Path.of(database + ".mv.db"))) {
            err.println("posture backup: no H2 database at " + database.toAbsolutePath() + ".mv.db");
            return ScanCommand.ERROR;
        }
        var url = "jdbc:h2:file:" + database.toAbsolutePath() + ";IFEXISTS=TRUE;AUTO_SERVER=FALSE";
        var statement = (target.toString().endsWith(".sql") ? "SCRIPT TO '" : "BACKUP TO '")
                + target.toAbsolutePath().toString().replace("'", "''") + "'";
        try (var connection = DriverManager.getConnection(url, "sa", ""); var sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            err.println("posture backup: " + (e.getMessage().contains("already in use")
                    ? "the database is in use: stop Posture first" : e.getMessage()));
            return ScanCommand.ERROR;
        }
        out.println("posture backup: " + database + " written to " + target);
        return ScanCommand.OK;
    }
}
