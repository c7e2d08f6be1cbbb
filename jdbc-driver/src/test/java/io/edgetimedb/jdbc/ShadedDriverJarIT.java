package io.edgetimedb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code edgetimedb-jdbc.jar} (built in the package phase, so this runs after it)
 * keeps to itself: the libraries inside are moved under {@code io.edgetimedb.jdbc.shaded}, and
 * it works behind an application's own, older Guava and Jackson on the class path, which an
 * unrelocated jar would have had to share (Calcite needs Guava 33: with Guava 16 first it failed).
 */
class ShadedDriverJarIT {
  private static final Path TARGET = Path.of("target");
  private static final Path JAR = TARGET.resolve("edgetimedb-jdbc.jar");
  /**
   * What may stay where it is: the driver, Calcite and Avatica (its API, and named in generated
   * code), snappy-java (finds its native library by package path) and annotation-only jars.
   */
  private static final List<String> UNMOVED = List.of("io/edgetimedb/", "org/apache/calcite/",
      "org/xerial/snappy/", "org/checkerframework/", "com/google/errorprone/annotations/",
      "com/google/j2objc/annotations/", "org/jspecify/annotations/", "org/apiguardian/api/");

  @Test
  void everyOtherLibraryInsideIsRelocated() throws IOException {
    List<String> unmoved = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release"))
          .as("not multi-release, so META-INF/versions (not relocated by shade) is never loaded").isNull();
      jar.stream().map(e -> e.getName())
          .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
          .filter(name -> UNMOVED.stream().noneMatch(name::startsWith))
          .forEach(unmoved::add);
    }
    assertThat(unmoved).isEmpty();
  }

  @Test
  void runsBehindAnApplicationsOwnOlderGuavaAndJackson() throws Exception {
    List<String> classPath = new ArrayList<>();
    try (Stream<Path> libraries = Files.list(TARGET.resolve("application-libraries"))) {
      libraries.sorted().forEach(p -> classPath.add(p.toString()));
    }
    assertThat(classPath).anyMatch(p -> p.contains("guava-16")).anyMatch(p -> p.contains("jackson-databind-2.8"));
    classPath.add(JAR.toString());
    classPath.add(TARGET.resolve("test-classes").toString());
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", String.join(File.pathSeparator, classPath), ShadedJarClient.class.getName(), "jdbc:edgetimedb:mem:")
        .start();
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(child.exitValue()).as(err).isZero();
    assertThat(out).contains("buckets: 2023-11-14 22:13:00.000=19.5 2023-11-14 22:14:00.000=69.5")
        .contains("newest: t0=597.0 t1=598.0 t2=599.0").contains("storage: boiler=600");
    assertThat(err).as("the driver's own SLF4J has its binding inside").doesNotContain("SLF4J");
  }
}
