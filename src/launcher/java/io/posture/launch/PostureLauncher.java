package io.posture.launch;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jar's entry point. It is compiled for Java 17, the oldest Java that Spring Boot's own
 * launcher runs on, so that an older {@code java} on the PATH gets one line naming the fix
 * instead of an {@code UnsupportedClassVersionError} stack trace; on Java 21+ it hands over to
 * the application (looked up by name, so this class never links against Java 21 bytecode).
 */
public final class PostureLauncher {

    static final int REQUIRED_JAVA = 21;

    private PostureLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        int running = Runtime.version().feature();
        if (running < REQUIRED_JAVA) {
            System.err.println(advice(running, System.getProperty("java.home"), jarAsStarted(),
                    installedJdks(Path.of("/usr/lib/jvm"))));
            System.exit(2);
        }
        var application = Class.forName("io.posture.PostureApplication");
        MethodHandles.publicLookup().findStatic(application, "main", MethodType.methodType(void.class, String[].class))
                .invokeExact(args);
    }

    static String advice(int running, String javaHome, String jar, List<Path> candidates) {
        var fix = candidates.isEmpty()
                ? "install a JDK " + REQUIRED_JAVA + " or newer and start the jar with its java"
                : "start it with " + candidates.get(0).resolve("bin").resolve("java") + " -jar " + jar
                  + " (or put that JDK first on the PATH)";
        return "Posture needs Java " + REQUIRED_JAVA + " or newer, but this java is Java " + running + " (" + javaHome
                + "): " + fix + ".";
    }

    /** The jar as the command line named it (HotSpot records the command), for a line that can be copied. */
    private static String jarAsStarted() {
        var command = System.getProperty("sun.java.command", "");
        var first = command.split(" ", 2)[0];
        return first.endsWith(".jar") ? first : "posture.jar";
    }

    /** JDKs of at least the required version in a folder like /usr/lib/jvm, newest first, read from their release files. */
    static List<Path> installedJdks(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(jdk -> Files.isExecutable(jdk.resolve("bin").resolve("java")))
                    .filter(jdk -> featureVersion(jdk) >= REQUIRED_JAVA)
                    .sorted((a, b) -> Integer.compare(featureVersion(b), featureVersion(a)))
                    .toList();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    private static int featureVersion(Path jdk) {
        try (Stream<String> lines = Files.lines(jdk.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(version -> version.split("[.+-]")[0])
                    .mapToInt(Integer::parseInt).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
