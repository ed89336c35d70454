package io.churnwatch.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The codec against real data: a slice of the OULAD event log (see oulad-slice/README.md). */
class OuladSliceTest {

    @ParameterizedTest
    @EnumSource(value = EventKind.class, names = {"USAGE", "BILLING", "ACCOUNTS"})
    void shouldParseEveryLineWhenDataIsRealOulad(final EventKind kind) throws IOException {
        final List<ParseResult<? extends SpecificRecord>> results = readAll(kind);

        assertThat(results).isNotEmpty();
        assertThat(results).filteredOn(r -> !r.isOk()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EventKind.class, names = {"USAGE", "BILLING"})
    void shouldReferenceKnownAccountsWhenEventsAreReal(final EventKind kind) throws IOException {
        final Set<String> accounts = new HashSet<>();
        readAll(EventKind.ACCOUNTS).forEach(r -> accounts.add(EventKind.ACCOUNTS.codec().accountId(r.value())));

        assertThat(readAll(kind)).allSatisfy(r -> assertThat(accounts).contains(kind.codec().accountId(r.value())));
    }

    private static List<ParseResult<? extends SpecificRecord>> readAll(final EventKind kind) throws IOException {
        try (InputStream in = OuladSliceTest.class.getResourceAsStream("/oulad-slice/" + kind.fileName());
             JsonlReader<? extends SpecificRecord> reader = JsonlReader.open(in, kind.codec())) {
            return reader.stream().<ParseResult<? extends SpecificRecord>>map(r -> r).toList();
        }
    }
}
