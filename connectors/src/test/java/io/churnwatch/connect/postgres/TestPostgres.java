package io.churnwatch.connect.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL 14 (zonky's binaries from Maven Central) for tests, also where the JVM runs as root, as CI
 * does. PostgreSQL refuses to run as root. zonky copes where user namespaces are allowed (it runs the binaries
 * under {@code unshare -U}); where they are not (containers often forbid them), the binaries are unpacked once
 * into a directory of our own whose
 * {@code initdb}, {@code pg_ctl} and {@code postgres} are scripts running the real ones as {@code nobody} through
 * {@code setpriv}, and the data directory belongs to {@code nobody}. zonky is handed that directory through its
 * own cache: it unpacks into {@code PG-<md5 of the archive>} unless a {@code .exists} marker is there, so a marker
 * archive with a known digest makes it use ours. As another user zonky is used as it comes.
 */
public final class TestPostgres {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final byte[] MARKER = "churnwatch: postgres 14 run as nobody, v1".getBytes(StandardCharsets.UTF_8);
    private static final String[] WRAPPED = {"initdb", "pg_ctl", "postgres"};

    private TestPostgres() {
    }

    /** A started server with {@code wal_level=logical} (for CDC); close it to stop it and delete its data. */
    public static EmbeddedPostgres start() {
        try {
            final EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "4").setServerConfig("max_replication_slots", "4");
            if (!"root".equals(System.getProperty("user.name")) || LinuxUtils.isUnshareAvailable()) {
                return builder.start();
            }
            final Path work = Path.of(System.getProperty("java.io.tmpdir"), "churnwatch-pg");
            prepareWrappedBinaries(work.resolve("PG-" + md5(MARKER)));
            final Path data = Files.createTempDirectory(work, "data-");
            ownByNobody(data);
            return builder.setOverrideWorkingDirectory(work.toFile()).setDataDirectory(data)
                    .setPgBinaryResolver((system, arch) -> new ByteArrayInputStream(MARKER)).start();
        } catch (final IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static synchronized void prepareWrappedBinaries(final Path dir) throws IOException {
        if (Files.exists(dir.resolve(".exists"))) {
            return;
        }
        Files.createDirectories(dir);
        try (InputStream archive = TestPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IOException(ARCHIVE + " is not on the classpath (io.zonky.test.postgres binaries)");
            }
            unpack(archive, dir);
        }
        for (final String name : WRAPPED) {
            final Path binary = dir.resolve("bin").resolve(name);
            Files.move(binary, binary.resolveSibling(name + ".real"));
            Files.writeString(binary, "#!/bin/sh\n"
                    + "real=\"$(dirname \"$0\")/" + name + ".real\"\n"
                    + "if [ \"$(id -u)\" = 0 ]; then\n"
                    + "  exec setpriv --reuid=nobody --regid=nogroup --clear-groups \"$real\" \"$@\"\n"
                    + "fi\n"
                    + "exec \"$real\" \"$@\"\n");
            Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try (Stream<Path> all = Files.walk(dir.getParent(), 1)) {
            all.forEach(TestPostgres::worldReadable);
        }
        Files.createFile(dir.resolve(".exists"));
    }

    private static void unpack(final InputStream txz, final Path dir) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(txz))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                final Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                            (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static void worldReadable(final Path path) {
        try {
            if (Files.isDirectory(path)) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ownByNobody(final Path dir) throws IOException {
        final UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        final PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName("nobody"));
        final GroupPrincipal group = users.lookupPrincipalByGroupName("nogroup");
        view.setGroup(group);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private static String md5(final byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
