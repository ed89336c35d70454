package io.churnwatch.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Static checks of the app's Dockerfile and its {@code .dockerignore}.
 *
 * <p>The Dockerfile is read as instructions (continuation lines joined; comments and parser directives
 * dropped) grouped in stages. It passes when: there is a build stage and a runtime stage; every base image
 * is pinned; a build stage runs {@code mvn ... package -pl streams-app -am}, which leaves the registry module
 * out; the last stage copies the shaded jar ({@code streams-app/target/<finalName>.jar}) from a build stage,
 * switches to a non-root user, has {@code ENTRYPOINT ["java", "-jar", <that jar>]} and {@code CMD ["run"]}.
 * The ignore file passes when it keeps build output and the git data out of the context.
 */
final class DockerfileValidator {

    /** One instruction: its keyword in upper case and its arguments as written. */
    record Instruction(String keyword, String arguments) {
        List<String> words() {
            return List.of(arguments.trim().split("\\s+"));
        }
    }

    /** The instructions from one {@code FROM} up to the next. */
    record Stage(String image, String name, List<Instruction> instructions) {
        List<Instruction> all(final String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROOT_USERS = Set.of("root", "0", "root:root", "0:0");

    private final String jarFileName;

    /** @param jarFileName the file name of the shaded jar the streams-app module builds */
    DockerfileValidator(final String jarFileName) {
        this.jarFileName = jarFileName;
    }

    static List<Stage> stages(final String dockerfile) {
        final List<Stage> stages = new ArrayList<>();
        final String joined = dockerfile.replaceAll("\\\\\\r?\\n", " ");
        for (final String raw : joined.split("\\r?\\n")) {
            final String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String[] parts = line.split("\\s+", 2);
            final Instruction instruction =
                    new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
            if ("FROM".equals(instruction.keyword())) {
                final List<String> words = instruction.words();
                final int as = words.stream().map(w -> w.toUpperCase(Locale.ROOT)).toList().indexOf("AS");
                stages.add(new Stage(words.get(0), as > 0 ? words.get(as + 1) : "", new ArrayList<>()));
            } else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).instructions().add(instruction);
            }
        }
        return stages;
    }

    List<String> validate(final String dockerfile) {
        final List<String> problems = new ArrayList<>();
        final List<Stage> stages = stages(dockerfile);
        if (stages.size() < 2) {
            problems.add("needs a build stage and a runtime stage, has " + stages.size() + " stage(s)");
            return problems;
        }
        final List<Stage> builds = stages.subList(0, stages.size() - 1);
        final Stage runtime = stages.get(stages.size() - 1);
        stages.stream().filter(stage -> !ComposeValidator.isPinned(stage.image())).forEach(stage ->
                problems.add("base image '" + stage.image() + "' is not pinned to a version tag"));
        if (builds.stream().flatMap(stage -> stage.all("RUN").stream()).noneMatch(DockerfileValidator::buildsApp)) {
            problems.add("no build stage runs 'mvn ... package -pl streams-app -am'");
        }
        final Optional<String> jar = copiedJar(runtime, builds);
        if (jar.isEmpty()) {
            problems.add("the last stage does not COPY --from a build stage streams-app/target/" + jarFileName);
        }
        final List<Instruction> users = runtime.all("USER");
        if (users.isEmpty() || ROOT_USERS.contains(users.get(users.size() - 1).arguments().trim())) {
            problems.add("the last stage runs as root: it needs a USER that is not root");
        }
        final List<String> expectedEntrypoint = List.of("java", "-jar", jar.orElse("<the shaded jar>"));
        if (!lastExecForm(runtime, "ENTRYPOINT").equals(expectedEntrypoint)) {
            problems.add("ENTRYPOINT should be " + expectedEntrypoint + " in exec form");
        }
        if (!lastExecForm(runtime, "CMD").equals(List.of("run"))) {
            problems.add("CMD should be [\"run\"] in exec form");
        }
        return problems;
    }

    /** Checks a {@code .dockerignore}: build output and git data must stay out of the build context. */
    static List<String> validateIgnore(final List<String> lines) {
        final List<String> patterns = lines.stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.endsWith("/") ? line.substring(0, line.length() - 1) : line).toList();
        final List<String> problems = new ArrayList<>();
        for (final String required : List.of("**/target", ".git")) {
            if (!patterns.contains(required)) {
                problems.add(".dockerignore does not exclude " + required);
            }
        }
        return problems;
    }

    private static boolean buildsApp(final Instruction run) {
        final List<String> words = run.words();
        final int pl = words.indexOf("-pl");
        final boolean onlyStreamsApp = pl >= 0 && pl + 1 < words.size() && "streams-app".equals(words.get(pl + 1));
        return words.contains("mvn") && words.contains("package") && words.contains("-am") && onlyStreamsApp;
    }

    /** The destination of the shaded jar's COPY from a build stage, if the runtime stage has one. */
    private Optional<String> copiedJar(final Stage runtime, final List<Stage> builds) {
        for (final Instruction copy : runtime.all("COPY")) {
            final List<String> words = copy.words();
            final List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
            final boolean fromBuild = words.stream().filter(w -> w.startsWith("--from="))
                    .map(w -> w.substring("--from=".length()))
                    .anyMatch(from -> builds.stream().anyMatch(stage -> stage.name().equals(from)));
            if (fromBuild && paths.size() == 2 && paths.get(0).endsWith("streams-app/target/" + jarFileName)) {
                return Optional.of(paths.get(1));
            }
        }
        return Optional.empty();
    }

    private static List<String> lastExecForm(final Stage stage, final String keyword) {
        final List<Instruction> found = stage.all(keyword);
        if (found.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(found.get(found.size() - 1).arguments(), new TypeReference<List<String>>() { });
        } catch (final JsonProcessingException e) {
            // Shell form: runs under /bin/sh -c, which ignores CMD and does not pass signals on.
            return List.of();
        }
    }
}
