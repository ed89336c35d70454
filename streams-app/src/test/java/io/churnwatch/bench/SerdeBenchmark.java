package io.churnwatch.bench;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import io.churnwatch.serde.AvroSerde;
import io.churnwatch.serde.InMemorySchemaRegistryClient;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Cost per record of the registry serde on a realistic {@link UsageEvent} (about 200 bytes on the wire), with
 * the in-memory registry and ids already cached, so the figures are the serde's own work: framing, Avro
 * encoding and decoding with schema resolution.
 *
 * <p>Run, after {@code mvn -B -q install -DskipTests}: {@code mvn -q -pl streams-app test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test -Dexec.args="-cp %classpath io.churnwatch.bench.SerdeBenchmark"}.
 * ({@code exec:java} cannot be used: JMH forks a JVM with the class path of Maven's own launcher.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SerdeBenchmark {

    private static final String TOPIC = "product-usage";

    private Serializer<UsageEvent> serializer;
    private Deserializer<UsageEvent> deserializer;
    private UsageEvent event;
    private byte[] bytes;

    @Setup
    public void setUp() {
        final AvroSerde<UsageEvent> serde = AvroSerde.of(UsageEvent.class, new InMemorySchemaRegistryClient(), false);
        serializer = serde.serializer();
        deserializer = serde.deserializer();
        event = UsageEvent.newBuilder()
                .setEventId("0b9e6f1c-4d2a-4e57-9a61-3f0c8d7b2e14")
                .setAccountId("acct-000482-eu-central-enterprise")
                .setUserId("user-5c7d9e21-8b3f-4a6e-b0d4-91e2f7a8c356")
                .setKind(UsageKind.ACTIVITY)
                .setFeature("reports.export.scheduled-pdf.quarterly-revenue-by-segment-v2")
                .setQuantity(3)
                .setOccurredAt(Instant.parse("2026-11-26T09:15:30.123Z"))
                .build();
        bytes = serializer.serialize(TOPIC, event);
    }

    @Benchmark
    public UsageEvent roundTrip() {
        return deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, event));
    }

    @Benchmark
    public byte[] serialize() {
        return serializer.serialize(TOPIC, event);
    }

    @Benchmark
    public UsageEvent deserialize() {
        return deserializer.deserialize(TOPIC, bytes);
    }

    /** Runs the benchmarks of this class with the fork and iterations of its annotations. */
    public static void main(final String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(SerdeBenchmark.class.getName()).build()).run();
    }
}
