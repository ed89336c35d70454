package io.churnwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Fuzzing the HTTP query parameters and path segments of the account queries: any text is either accepted or a
 * 400 with a reason, never another failure (which the server would answer with a 500).
 */
class QueryParametersFuzzTest {

    @Property(tries = 2000, seed = "20261206")
    void shouldAcceptOrAnswer400WhenTheLimitIsAnyText(@ForAll final String raw) {
        assertAcceptedOr400(raw, AccountsHandler::limit);
    }

    @Property(tries = 2000, seed = "20261206")
    void shouldAcceptOrAnswer400WhenTheSegmentIsAnyText(@ForAll final String raw) {
        assertAcceptedOr400(raw, AccountsHandler::segment);
    }

    @Property(tries = 2000, seed = "20261206")
    void shouldAcceptOrAnswer400WhenTheAccountIdIsAnyText(@ForAll final String raw) {
        assertAcceptedOr400(raw, AccountsHandler::accountId);
    }

    @Property(tries = 2000, seed = "20261206")
    void shouldDecodeOrAnswer400WhenThePercentEncodingIsAnyText(@ForAll final String raw) {
        assertAcceptedOr400(raw, text -> Exchanges.decode(text, true));
    }

    private static void assertAcceptedOr400(final String raw, final Function<String, ?> parse) {
        try {
            parse.apply(raw);
        } catch (final HttpProblem e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
