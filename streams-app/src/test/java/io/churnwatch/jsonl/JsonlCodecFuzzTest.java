package io.churnwatch.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.UsageEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the importer's line parser: random text and valid lines mutated at random (characters replaced,
 * inserted, deleted, the line cut) never throw; each line is either a record or rejected with a reason.
 */
class JsonlCodecFuzzTest {

    private static final String VALID = "{\"eventId\":\"e-1\",\"accountId\":\"acct-1\",\"kind\":\"LOGIN\","
            + "\"feature\":\"reports.export\",\"quantity\":3,\"occurredAt\":\"2026-01-05T09:00:00Z\"}";

    @Property(tries = 3000, seed = "20261206")
    void shouldParseOrRejectWithAReasonWhenTheLineIsRandomText(@ForAll final String line) {
        assertParsedOrRejected(line);
    }

    @Property(tries = 3000, seed = "20261206")
    void shouldParseOrRejectWithAReasonWhenAValidLineIsMutated(@ForAll("mutatedLines") final String line) {
        assertParsedOrRejected(line);
    }

    @Provide
    Arbitrary<String> mutatedLines() {
        final Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length() - 1);
        final Arbitrary<Character> character = Arbitraries.oneOf(Arbitraries.chars().with("{}[]\":,-.0123456789eE\\ "),
                Arbitraries.chars());
        final Arbitrary<Integer> operation = Arbitraries.integers().between(0, 3);
        return Combinators.combine(position.list().ofMinSize(1).ofMaxSize(5), character, operation)
                .as((positions, c, op) -> {
                    final StringBuilder line = new StringBuilder(VALID);
                    for (final int at : positions) {
                        final int i = Math.min(at, line.length() - 1);
                        switch (op) {
                            case 0 -> line.setCharAt(i, c);
                            case 1 -> line.insert(i, c);
                            case 2 -> line.deleteCharAt(i);
                            default -> line.setLength(i);
                        }
                        if (line.length() == 0) {
                            break;
                        }
                    }
                    return line.toString();
                });
    }

    private static void assertParsedOrRejected(final String line) {
        final ParseResult<UsageEvent> result = JsonlCodec.usage().parse(line, 1);
        if (result.isOk()) {
            assertThat(result.value().getAccountId()).isNotNull();
        } else {
            assertThat(result.reason()).isNotBlank();
        }
    }
}
