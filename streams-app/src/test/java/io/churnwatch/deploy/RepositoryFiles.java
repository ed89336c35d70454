package io.churnwatch.deploy;

import java.io.IOException;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The repository's deploy files and the build facts they must agree with, read from the POMs.
 *
 * <p>Surefire runs with the module directory as working directory (and sets {@code basedir} to it), so the
 * repository root is its parent.
 */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    static Path root() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().getParent();
    }

    static Path composeFile() {
        return root().resolve("docker-compose.yml");
    }

    static Path dockerfile() {
        return root().resolve("Dockerfile");
    }

    static Path dockerignore() {
        return root().resolve(".dockerignore");
    }

    /** {@code kafka.version} of the parent POM: the Kafka the app is built and tested with. */
    static String kafkaVersion() throws IOException {
        return xpath(root().resolve("pom.xml"), "/project/properties/kafka.version");
    }

    /** The file name of the shaded jar: the shade plugin's {@code finalName} in the streams-app POM, plus .jar. */
    static String shadedJarName() throws IOException {
        return xpath(root().resolve("streams-app/pom.xml"),
                "/project/build/plugins/plugin[artifactId='maven-shade-plugin']//finalName") + ".jar";
    }

    private static String xpath(final Path pom, final String expression) throws IOException {
        try {
            final Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            final String value = XPathFactory.newInstance().newXPath().evaluate(expression, doc).trim();
            if (value.isEmpty()) {
                throw new IOException(pom + " has no " + expression);
            }
            return value;
        } catch (final ParserConfigurationException | SAXException | XPathExpressionException e) {
            throw new IOException("cannot read " + expression + " from " + pom + ": " + e.getMessage(), e);
        }
    }
}
