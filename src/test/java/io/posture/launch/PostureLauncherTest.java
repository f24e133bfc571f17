package io.posture.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostureLauncherTest {

    @Test
    void anOldJavaIsToldInOneLineWhichJavaToUse(@TempDir Path jvms) throws Exception {
        jdk(jvms, "java-17-openjdk-amd64", "17.0.15");
        jdk(jvms, "temurin-21-jdk-amd64", "21.0.7");
        jdk(jvms, "temurin-25-jdk-amd64", "25.0.3");
        Files.createDirectories(jvms.resolve("not-a-jdk"));

        var found = PostureLauncher.installedJdks(jvms);
        assertThat(found).extracting(path -> path.getFileName().toString())
                .containsExactly("temurin-25-jdk-amd64", "temurin-21-jdk-amd64");

        var advice = PostureLauncher.advice(17, "/usr/lib/jvm/java-17-openjdk-amd64", "target/posture.jar", found);
        assertThat(advice).doesNotContain("\n")
                .startsWith("Posture needs Java 21 or newer, but this java is Java 17 (/usr/lib/jvm/java-17-openjdk-amd64)")
                .contains("start it with " + jvms.resolve("temurin-25-jdk-amd64/bin/java") + " -jar target/posture.jar");
        assertThat(PostureLauncher.advice(17, "/opt/java", "posture.jar", List.of()))
                .endsWith("install a JDK 21 or newer and start the jar with its java.");
    }

    private static void jdk(Path jvms, String name, String version) throws Exception {
        var bin = Files.createDirectories(jvms.resolve(name).resolve("bin"));
        var java = Files.writeString(bin.resolve("java"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(jvms.resolve(name).resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
    }
}
