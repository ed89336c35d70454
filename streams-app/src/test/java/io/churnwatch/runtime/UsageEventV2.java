package io.churnwatch.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.churnwatch.events.UsageEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.avro.Schema;
import org.apache.avro.compiler.specific.SpecificCompiler;
import org.apache.avro.generic.GenericData;

/**
 * {@code UsageEvent} v2: the contract's v1 with one more, optional field ({@code device}, null by default), what a
 * producer team adds first. BACKWARD compatible with v1: a reader on v2 reads v1 records, the field then null.
 *
 * <p>{@link #compileClasses} generates and compiles the specific class of v2 as the build does for v1 (Avro's
 * {@link SpecificCompiler}, String fields, decimal logical types), so that a pipeline in a JVM whose class path
 * starts with them is churnwatch built with v2.
 */
final class UsageEventV2 {

    static final String FIELD = "device";

    private UsageEventV2() {
    }

    static Schema schema() {
        try {
            final ObjectMapper json = new ObjectMapper();
            final ObjectNode schema = (ObjectNode) json.readTree(UsageEvent.getClassSchema().toString());
            final ObjectNode device = ((ArrayNode) schema.get("fields")).addObject();
            device.put("name", FIELD);
            device.putArray("type").add("null").add("string");
            device.putNull("default");
            return new Schema.Parser().parse(json.writeValueAsString(schema));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The compiled v2 class of {@code io.churnwatch.events.UsageEvent} (and its builder) under {@code dir}, to put
     * ahead of this JVM's class path; the other contract classes (UsageKind, ...) stay those of the build.
     *
     * @return the directory of the compiled classes, in {@code dir}
     */
    static Path compileClasses(final Path dir) throws IOException {
        final Path sources = Files.createDirectories(dir.resolve("sources"));
        final Path classes = Files.createDirectories(dir.resolve("classes"));
        final SpecificCompiler generator = new SpecificCompiler(schema());
        generator.setStringType(GenericData.StringType.String);
        generator.setEnableDecimalLogicalType(true);
        generator.compileToDestination(null, sources.toFile());
        final Path source = sources.resolve(UsageEvent.class.getName().replace('.', '/') + ".java");
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        final DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(problems, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            final StringWriter output = new StringWriter();
            final boolean compiled = javac.getTask(output, files, problems,
                    List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "-nowarn"),
                    null, files.getJavaFileObjects(source)).call();
            if (!compiled) {
                throw new IllegalStateException("UsageEvent v2 did not compile: " + problems.getDiagnostics()
                        + output);
            }
        }
        return classes;
    }
}
