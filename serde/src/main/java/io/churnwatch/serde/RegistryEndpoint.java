package io.churnwatch.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * One base URL of the registry with the {@code Authorization} header its requests carry. The URL kept and
 * shown ({@link #toString()}) has no user info, so credentials given in the URL never reach messages.
 */
final class RegistryEndpoint {

    private final String base;
    private final String authorization;

    private RegistryEndpoint(final String base, final String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /**
     * The endpoints of {@code schema.registry.url}, in order.
     *
     * @throws ConfigException for a URL that is not http(s), or USER_INFO credentials without user info
     */
    static List<RegistryEndpoint> fromConfig(final RegistrySerdeConfig config) {
        final Optional<String> sharedUserInfo = switch (config.credentialsSource()) {
            case USER_INFO -> Optional.of(config.userInfo().orElseThrow(() -> new ConfigException(
                    RegistrySerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs "
                            + RegistrySerdeConfig.BASIC_AUTH_USER_INFO + " (user:password)")));
            case URL -> Optional.empty();
        };
        final List<RegistryEndpoint> endpoints = new ArrayList<>();
        for (final String url : config.urls()) {
            final URI uri = parse(url);
            final Optional<String> userInfo = sharedUserInfo.or(() -> Optional.ofNullable(uri.getUserInfo()));
            final String authorization = userInfo.map(RegistryEndpoint::basic).orElse(null);
            endpoints.add(new RegistryEndpoint(withoutUserInfo(uri), authorization));
        }
        return List.copyOf(endpoints);
    }

    /** {@code url} without its user info, for messages; a placeholder when it is not a URL at all. */
    static String redact(final String url) {
        try {
            return withoutUserInfo(new URI(url.trim()));
        } catch (final URISyntaxException e) {
            return "<invalid URL>";
        }
    }

    URI resolve(final String path) {
        return URI.create(base + path);
    }

    Optional<String> authorization() {
        return Optional.ofNullable(authorization);
    }

    @Override
    public String toString() {
        return base;
    }

    private static URI parse(final String url) {
        final URI uri;
        try {
            uri = new URI(url.trim());
        } catch (final URISyntaxException e) {
            throw new ConfigException(RegistrySerdeConfig.SCHEMA_REGISTRY_URL + " holds an invalid URL: "
                    + e.getReason());
        }
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ConfigException(RegistrySerdeConfig.SCHEMA_REGISTRY_URL + " entry " + redact(url)
                    + " is not an http(s)://host URL");
        }
        return uri;
    }

    private static String withoutUserInfo(final URI uri) {
        final String authority = uri.getRawAuthority();
        if (authority == null) {
            // Not hierarchical: anything before an '@' could be a password, so show nothing.
            return uri.toString().contains("@") ? "<invalid URL>" : uri.toString();
        }
        final String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        final String text = uri.getScheme() + "://" + authority.substring(authority.lastIndexOf('@') + 1) + path;
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String basic(final String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
