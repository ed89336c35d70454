package io.churnwatch.connect;

/** The plugin's version, as Connect's REST API lists it ({@code GET /connector-plugins}). */
public final class Version {

    private Version() {
    }

    /** The jar's Implementation-Version, or {@code unknown} when run from classes (tests). */
    public static String get() {
        final String version = Version.class.getPackage().getImplementationVersion();
        return version != null ? version : "unknown";
    }
}
