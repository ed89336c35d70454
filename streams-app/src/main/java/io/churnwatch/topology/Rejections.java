package io.churnwatch.topology;

import io.churnwatch.serde.InvalidRecordException;
import io.churnwatch.serde.InvalidWireFormatException;
import io.churnwatch.serde.RegistryRequestException;
import io.churnwatch.serde.SchemaResolutionException;
import io.churnwatch.serde.UnknownSchemaIdException;
import java.util.List;

/**
 * Why an input record goes to the dead-letter topic: the {@code churnwatch.dlq.reason} header and the
 * {@code reason} tag of {@code churnwatch.dlq.records}. {@link #ALL} lists every reason churnwatch gives, so that the
 * counters can exist at zero before the first bad record (a dashboard then shows 0, not "no data").
 */
public final class Rejections {

    /** Bytes that are not a record of the contract, for a reason the serde does not name. */
    public static final String UNDECODABLE = "undecodable";
    public static final String NULL_VALUE = "null-value";
    public static final String MISSING_ACCOUNT_ID = "missing-account-id";
    public static final String KEY_MISMATCH = "key-mismatch";
    public static final String MISSING_OCCURRED_AT = "missing-occurred-at";
    public static final String FUTURE_TIMESTAMP = "future-timestamp";

    /** Every reason: the serde's for bytes it cannot read, then the validator's for records that break the contract. */
    public static final List<String> ALL = List.of(InvalidWireFormatException.REASON, UnknownSchemaIdException.REASON,
            SchemaResolutionException.REASON, InvalidRecordException.REASON, RegistryRequestException.REASON,
            UNDECODABLE, NULL_VALUE, MISSING_ACCOUNT_ID, KEY_MISMATCH, MISSING_OCCURRED_AT, FUTURE_TIMESTAMP);

    private Rejections() {
    }
}
