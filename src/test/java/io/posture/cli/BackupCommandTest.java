package io.posture.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

class BackupCommandTest {

    @Test
    void writesAZipAndASqlScriptThatReadBack(@TempDir Path folder) throws Exception {
        var database = folder.resolve("data/posture");
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "");
             var sql = connection.createStatement()) {
            sql.execute("create table cluster (name varchar(253)); insert into cluster values ('prod-eu1')");
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int zip = Cli.run(new String[]{"backup", "--db", database.toString(), folder.resolve("backup.zip").toString()},
                new PrintStream(out), new PrintStream(err));
        int script = Cli.run(new String[]{"backup", "--db", database.toString(), folder.resolve("backup.sql").toString()},
                new PrintStream(out), new PrintStream(err));
        int missing = Cli.run(new String[]{"backup", "--db", folder.resolve("nothing").toString(), folder.resolve("x.zip").toString()},
                new PrintStream(out), new PrintStream(err));

        assertThat(zip).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(script).isZero();
        assertThat(missing).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no H2 database at");
        try (var archive = new ZipFile(folder.resolve("backup.zip").toFile())) {
            assertThat(archive.stream().map(java.util.zip.ZipEntry::getName)).contains("posture.mv.db");
        }
        try (var connection = DriverManager.getConnection("jdbc:h2:mem:restore", "sa", "");
             var sql = connection.createStatement()) {
            sql.execute("runscript from '" + folder.resolve("backup.sql") + "'");
            var rows = sql.executeQuery("select name from cluster");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("prod-eu1");
        }
        assertThat(Files.size(folder.resolve("backup.sql"))).isPositive();
    }
}
