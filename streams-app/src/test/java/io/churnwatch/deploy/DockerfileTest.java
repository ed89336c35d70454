package io.churnwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's Dockerfile and .dockerignore pass the static checks, and each check rejects a copy of the
 * file altered to break it.
 */
class DockerfileTest {

    private static String dockerfile;
    private static String jarName;

    @BeforeAll
    static void readRepositoryFiles() throws IOException {
        dockerfile = Files.readString(RepositoryFiles.dockerfile());
        jarName = RepositoryFiles.shadedJarName();
    }

    private static List<String> problemsAfter(final String original, final String replacement) {
        assertThat(dockerfile).contains(original);
        return new DockerfileValidator(jarName).validate(dockerfile.replace(original, replacement));
    }

    @Test
    void shouldAcceptTheRepositoryDockerfileWhenValidated() {
        assertThat(new DockerfileValidator(jarName).validate(dockerfile)).isEmpty();
    }

    @Test
    void shouldRejectWhenTheImageRunsAJarOtherThanTheShadedOne() {
        final List<String> problems =
                new DockerfileValidator("churnwatch-streams-app-0.1.0-SNAPSHOT.jar").validate(dockerfile);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("does not COPY --from a build stage"));
    }

    @Test
    void shouldRejectWhenTheEntrypointRunsAnotherPath() {
        final List<String> problems = problemsAfter("\"-jar\", \"/app/churnwatch.jar\"", "\"-jar\", \"/app/app.jar\"");

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("ENTRYPOINT should be"));
    }

    @Test
    void shouldRejectWhenTheEntrypointIsInShellForm() {
        final List<String> problems = problemsAfter("ENTRYPOINT [\"java\", \"-jar\", \"/app/churnwatch.jar\"]",
                "ENTRYPOINT java -jar /app/churnwatch.jar");

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("ENTRYPOINT should be"));
    }

    @Test
    void shouldRejectWhenTheDefaultCommandIsNotRun() {
        final List<String> problems = problemsAfter("CMD [\"run\"]", "CMD [\"--help\"]");

        assertThat(problems).contains("CMD should be [\"run\"] in exec form");
    }

    @Test
    void shouldRejectWhenTheRuntimeStageRunsAsRoot() {
        final List<String> problems = problemsAfter("USER churnwatch", "USER root");

        assertThat(problems).contains("the last stage runs as root: it needs a USER that is not root");
    }

    @Test
    void shouldRejectWhenTheBuildAlsoBuildsTheRegistryModule() {
        final List<String> problems = problemsAfter("-pl streams-app -am", "-pl streams-app,registry -am");

        assertThat(problems).contains("no build stage runs 'mvn ... package -pl streams-app -am'");
    }

    @Test
    void shouldRejectWhenABaseImageIsNotPinned() {
        final List<String> problems = problemsAfter("FROM eclipse-temurin:17-jre", "FROM eclipse-temurin");

        assertThat(problems).contains("base image 'eclipse-temurin' is not pinned to a version tag");
    }

    @Test
    void shouldRejectWhenThereIsNoBuildStage() {
        final String runtimeOnly = dockerfile.substring(dockerfile.indexOf("FROM eclipse-temurin"));

        final List<String> problems = new DockerfileValidator(jarName).validate(runtimeOnly);

        assertThat(problems).containsExactly("needs a build stage and a runtime stage, has 1 stage(s)");
    }

    @Test
    void shouldKeepBuildOutputAndGitDataOutOfTheContextWhenIgnoreFileIsRead() throws IOException {
        assertThat(DockerfileValidator.validateIgnore(Files.readAllLines(RepositoryFiles.dockerignore()))).isEmpty();
    }

    @Test
    void shouldRejectWhenTheIgnoreFileLetsBuildOutputIn() throws IOException {
        final List<String> lines = Files.readAllLines(RepositoryFiles.dockerignore()).stream()
                .filter(line -> !line.contains("target")).toList();

        assertThat(DockerfileValidator.validateIgnore(lines))
                .containsExactly(".dockerignore does not exclude **/target");
    }
}
