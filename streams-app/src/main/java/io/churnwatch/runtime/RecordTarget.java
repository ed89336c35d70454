package io.churnwatch.runtime;

import io.churnwatch.jsonl.EventKind;
import org.apache.avro.specific.SpecificRecord;

/** Where {@link JsonlImport} hands the valid records of a file: a {@link KafkaImporter}, or nowhere in a dry run. */
public interface RecordTarget {

    /** Validates only: records are counted by the import and dropped. */
    RecordTarget DISCARD = new RecordTarget() {
        @Override
        public void send(final EventKind kind, final SpecificRecord record) {
            // A dry run checks the input and writes nothing.
        }

        @Override
        public void flush() {
            // Nothing was sent.
        }
    };

    /** Sends one record of {@code kind}'s type. */
    void send(EventKind kind, SpecificRecord record);

    /** Returns once everything sent so far is stored, or throws the first failure. */
    void flush();
}
