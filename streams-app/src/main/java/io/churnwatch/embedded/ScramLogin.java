package io.churnwatch.embedded;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A SCRAM-SHA-512 user name and password, and the client settings that log in with them over SASL_PLAINTEXT.
 *
 * <p>{@link #toString()} never shows the password: these objects end up in log lines and assertion messages.
 */
public record ScramLogin(String user, String password) {

    /** The mechanism churnwatch's secure broker accepts from clients. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    public ScramLogin {
        if (!user.matches("[A-Za-z0-9._-]+") || password.isEmpty() || password.contains("\"")
                || password.contains("\\")) {
            throw new IllegalArgumentException("a SCRAM user is letters, digits, '.', '_' or '-', and a password is "
                    + "non-empty without quotes or backslashes; got user '" + user + "'");
        }
    }

    /** {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} for a client of this user. */
    public Properties clientProperties() {
        final Properties props = new Properties();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas("org.apache.kafka.common.security.scram.ScramLoginModule", ""));
        return props;
    }

    /** A JAAS line of {@code module} logging in as this user, with {@code extra} options after the password. */
    String jaas(final String module, final String extra) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\"" + extra + ";";
    }

    @Override
    public String toString() {
        return "ScramLogin[user=" + user + ", password=****]";
    }
}
