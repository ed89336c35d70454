package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.TicketCategory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AccountStateSerdeTest {

    private static final long V1_SEED = 20_261_126L;

    private final AccountStateSerde serde = new AccountStateSerde();

    /** An account with data in every part of the state, from a seeded generator. */
    private static AccountState busyAccount(final long seed) {
        final Random random = new Random(seed);
        final Scenario s = Scenario.defaults();
        s.billing(at(0, 1), BillingEventType.SUBSCRIPTION_STARTED, 80_000);
        for (int d = 0; d < 40; d++) {
            s.logins(at(d, 8), 1 + random.nextInt(4));
            s.feature(at(d, 9), "feature-" + random.nextInt(30));
            if (random.nextInt(5) == 0) {
                s.ticket(at(d, 10), TicketCategory.values()[random.nextInt(TicketCategory.values().length)]);
            }
        }
        s.billing(at(40, 1), BillingEventType.DOWNGRADED, 50_000);
        s.billing(at(40, 2), BillingEventType.PAYMENT_FAILED, 50_000);
        return s.state;
    }

    private byte[] bytes(final AccountState state) {
        return serde.serializer().serialize("store", state);
    }

    private AccountState read(final byte[] bytes) {
        return serde.deserializer().deserialize("store", bytes);
    }

    @Test
    void shouldReadBackEqualStateWhenRoundTripped() {
        final AccountState state = busyAccount(7);

        final AccountState copy = read(bytes(state));

        assertThat(copy).isEqualTo(state);
        assertThat(copy.episodes()).isEqualTo(state.episodes()).isNotEmpty();
    }

    @Test
    void shouldReadBackTheRiskEpisodeReasonsAndCohortWhenRoundTripped() {
        final AccountState state = StateFixtures.groupedAccount(5);

        final AccountState copy = read(bytes(state));

        assertThat(copy).isEqualTo(state);
        assertThat(copy.risk().isOpen()).isTrue();
        assertThat(copy.risk().pending()).isTrue();
        assertThat(copy.reasons()).containsOnlyKeys(ChurnSignal.COHORT_LAG, ChurnSignal.SILENCE);
        assertThat(copy.cohortKey()).isEqualTo("segment:LOW_TOUCH");
    }

    @Test
    void shouldTellStatesApartWhenOnlyTheirRiskEpisodesDiffer() {
        final AccountState escalated = StateFixtures.groupedAccount(5);
        escalated.risk().escalate(Severity.CRITICAL);

        assertThat(bytes(escalated)).isNotEqualTo(bytes(StateFixtures.groupedAccount(5)));
    }

    @Test
    void shouldWriteSameBytesWhenStatesAreEqual() {
        final byte[] first = bytes(busyAccount(11));
        final byte[] second = bytes(busyAccount(11));

        assertThat(first).isEqualTo(second);
        assertThat(bytes(read(first))).isEqualTo(first);
    }

    @Test
    void shouldWriteDifferentBytesWhenStatesDiffer() {
        assertThat(bytes(busyAccount(11))).isNotEqualTo(bytes(busyAccount(12)));
    }

    @Test
    void shouldStartWithFormatVersionByte() {
        assertThat(bytes(busyAccount(3))[0]).isEqualTo(AccountStateSerde.VERSION);
    }

    @Test
    void shouldStayCompactWhenAccountIsBusy() {
        assertThat(bytes(busyAccount(5)).length).isLessThan(1024);
    }

    @Test
    void shouldBoundTrackedFeaturesWhenAccountUsesMany() {
        final Scenario s = Scenario.defaults();
        for (int i = 0; i < 200; i++) {
            s.feature(at(i / 10, i % 10), "feature-with-a-long-name-" + i);
        }

        assertThat(s.state.usage().distinctFeaturesSince(Long.MIN_VALUE)).isEqualTo(64);
        assertThat(bytes(s.state).length).isLessThan(64 * 40 + 512);
    }

    /** Written by the version-1 encoder (commit caa70ac) from {@code StateFixtures.seededAccount(V1_SEED)}. */
    private static byte[] versionOneBytes() throws IOException {
        try (InputStream in = AccountStateSerdeTest.class.getResourceAsStream("account-state-v1.bin")) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldReadVersionOneBytesWhenWrittenByEarlierDeployment() throws IOException {
        final byte[] stored = versionOneBytes();

        final AccountState state = read(stored);

        assertThat(stored[0]).isEqualTo((byte) 1);
        assertThat(state).isEqualTo(StateFixtures.seededAccount(V1_SEED));
        assertThat(state.episodes()).hasSize(2);
    }

    @Test
    void shouldWriteCurrentVersionWhenVersionOneStateIsStoredAgain() throws IOException {
        final AccountState state = read(versionOneBytes());

        final byte[] rewritten = bytes(state);

        assertThat(rewritten[0]).isEqualTo(AccountStateSerde.VERSION);
        assertThat(read(rewritten)).isEqualTo(state);
        assertThat(rewritten).isEqualTo(bytes(StateFixtures.seededAccount(V1_SEED)));
    }

    @Test
    void shouldWriteFewerBytesThanVersionOneWhenStateIsTheSame() throws IOException {
        final byte[] stored = versionOneBytes();

        assertThat(bytes(read(stored))).hasSizeLessThan(stored.length);
    }

    @Test
    void shouldRejectUnknownFormatVersion() {
        final byte[] bytes = bytes(busyAccount(3));
        bytes[0] = 99;

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(SerializationException.class).hasMessageContaining("99");
    }

    @Test
    void shouldRejectTruncatedBytes() {
        final byte[] bytes = bytes(busyAccount(3));

        assertThatThrownBy(() -> read(Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRejectTrailingBytes() {
        final byte[] bytes = bytes(busyAccount(3));

        assertThatThrownBy(() -> read(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldMapNullToNull() {
        assertThat(bytes(null)).isNull();
        assertThat(read(null)).isNull();
    }
}
