package io.churnwatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code churnwatch --version}: churnwatch's version (from the Maven descriptor packaged in the jar, so a run
 * from class directories reports a development build), the Kafka client version and the Java runtime.
 */
final class VersionProvider implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/io.churnwatch/churnwatch-streams-app/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "churnwatch " + churnwatchVersion(),
            "Kafka " + AppInfoParser.getVersion() + ", Java " + Runtime.version(),
        };
    }

    static String churnwatchVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "(development build)";
            }
            final Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown version)");
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot read " + POM_PROPERTIES, e);
        }
    }
}
