package io.churnwatch.connect.postgres;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Which SQL errors are worth redelivering the batch for: the connection's (class 08), transaction rollbacks such
 * as serialization failures and deadlocks (class 40), insufficient resources (53), operator intervention such as
 * a server shutting down (57P), a lock not available (55P03). Anything else (a value out of range, a constraint)
 * will fail again: the record goes to the dead-letter queue.
 */
final class SqlErrors {

    private SqlErrors() {
    }

    static boolean retriable(final SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException()) {
            if (e instanceof SQLTransientException || e instanceof SQLRecoverableException || retriable(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean retriable(final String state) {
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57P") || "55P03".equals(state));
    }
}
