package io.churnwatch.runtime;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.events.UsageEvent;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.avro.Schema;

/**
 * A churnwatch pipeline in a JVM of its own, so that a test can kill an instance as a crash, an OOM killer or a
 * lost machine does: SIGKILL, with no close, no commit and no leave-group, which nothing inside one JVM imitates.
 *
 * <p>{@link #launch} runs {@code java -cp <this JVM's class path> io.churnwatch.runtime.PipelineProcess <settings>
 * <pid>}: the child reads the settings (a properties file of churnwatch configuration keys, Kafka Streams keys
 * passing through), builds the pipeline as {@link PipelineHarness} does in process, and runs it until it is
 * killed. When the launching JVM is gone the child closes the pipeline and exits, so a failed test run leaves no
 * pipeline behind. It marks in its log when a deadline sweep is left unfinished and when it is done, and first the
 * fields of the {@code UsageEvent} class it was built with ({@link #CONTRACT}): a launch may put other contract
 * classes ahead of the class path.
 */
public final class PipelineProcess {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    static final String SWEEP_UNFINISHED = "PipelineProcess: a sweep is unfinished";
    static final String SWEEPS_DONE = "PipelineProcess: no sweep is unfinished";
    static final String CONTRACT = "PipelineProcess: built with UsageEvent fields ";

    private PipelineProcess() {
    }

    /** @param args the settings file and the pid of the launching JVM */
    public static void main(final String[] args) throws IOException, InterruptedException {
        final Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            settings.load(in);
        }
        final Optional<ProcessHandle> launcher = ProcessHandle.of(Long.parseLong(args[1]));
        if (launcher.isEmpty()) {
            return;
        }
        System.out.println(CONTRACT + UsageEvent.getClassSchema().getFields().stream().map(Schema.Field::name).toList());
        final ChurnPipeline pipeline = PipelineHarness.pipeline(new ChurnConfig(settings));
        launcher.get().onExit().thenRun(() -> pipeline.close(CLOSE_TIMEOUT));
        final Thread sweepMarks = new Thread(() -> markSweeps(pipeline), "sweep-marks");
        sweepMarks.setDaemon(true);
        sweepMarks.start();
        pipeline.start();
        pipeline.awaitStop();
    }

    /**
     * Prints {@link #SWEEP_UNFINISHED} when a deadline sweep is left unfinished between punctuations and
     * {@link #SWEEPS_DONE} when none is any more, so that a test reading the log can kill the process mid-sweep.
     */
    private static void markSweeps(final ChurnPipeline pipeline) {
        boolean sweeping = false;
        while (!Thread.currentThread().isInterrupted()) {
            final boolean now = pipeline.sweeping();
            if (now != sweeping) {
                System.out.println(now ? SWEEP_UNFINISHED : SWEEPS_DONE);
                System.out.flush();
                sweeping = now;
            }
            try {
                Thread.sleep(2);
            } catch (final InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Starts a pipeline of {@code settings} in a new JVM, with its settings file and its log ({@code pipeline.log},
     * standard output and error) in {@code dir}.
     */
    static Process launch(final Map<String, String> settings, final Path dir) throws IOException {
        return launch(settings, dir, List.of());
    }

    /** As {@link #launch(Map, Path)}, with {@code classPathFirst} ahead of this JVM's class path. */
    static Process launch(final Map<String, String> settings, final Path dir, final List<Path> classPathFirst)
            throws IOException {
        Files.createDirectories(dir);
        final Path file = dir.resolve("pipeline.properties");
        final Properties props = new Properties();
        props.putAll(settings);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "a churnwatch pipeline under test");
        }
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> classPath = new ArrayList<>();
        classPathFirst.forEach(entry -> classPath.add(entry.toString()));
        classPath.add(System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                String.join(File.pathSeparator, classPath),
                PipelineProcess.class.getName(), file.toString(), Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("pipeline.log").toFile())
                .start();
    }
}
