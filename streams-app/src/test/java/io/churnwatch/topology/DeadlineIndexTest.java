package io.churnwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.topology.DeadlineIndex.Due;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.InMemoryKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deadline index on an in-memory store: due accounts in deadline order, batch by batch. */
class DeadlineIndexTest {

    /** Range scans the index asked the store for. */
    private int scans;
    private final KeyValueStore<Bytes, byte[]> store = new InMemoryKeyValueStore("deadline-index") {
        @Override
        public KeyValueIterator<Bytes, byte[]> range(final Bytes from, final Bytes to) {
            scans++;
            return super.range(from, to);
        }
    };
    private final DeadlineIndex index = new DeadlineIndex(store);

    DeadlineIndexTest() {
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Takes every account due by {@code time}, batch by batch, removing each as a sweep does. */
    private List<Due> sweep(final long time, final int batch) {
        final List<Due> swept = new ArrayList<>();
        List<Due> due = index.due(time, batch);
        while (!due.isEmpty()) {
            due.forEach(entry -> index.remove(entry.deadline(), entry.accountId()));
            swept.addAll(due);
            due = index.due(time, batch);
        }
        return swept;
    }

    @Test
    void shouldReturnTheAccountsDueByTheTimeInDeadlineOrderWhenAsked() {
        index.add(300, "c");
        index.add(100, "b");
        index.add(100, "a");
        index.add(200, "d");

        assertThat(index.due(250, 10)).containsExactly(new Due(100, "a"), new Due(100, "b"), new Due(200, "d"));
    }

    @Test
    void shouldReturnTheRestInLaterBatchesWhenMoreAreDueThanTheLimit() {
        for (int i = 0; i < 7; i++) {
            index.add(100 + i, "account-" + i);
        }

        final List<Due> first = index.due(1_000, 3);
        first.forEach(entry -> index.remove(entry.deadline(), entry.accountId()));

        assertThat(first).extracting(Due::accountId).containsExactly("account-0", "account-1", "account-2");
        assertThat(sweep(1_000, 3)).extracting(Due::accountId)
                .containsExactly("account-3", "account-4", "account-5", "account-6");
    }

    @Test
    void shouldFindAnAccountFiledBeforeTheLastSweepWhenItIsAddedAfterIt() {
        index.add(500, "on-time");
        sweep(1_000, 10);

        index.add(400, "out-of-order");

        assertThat(index.due(1_000, 10)).containsExactly(new Due(400, "out-of-order"));
    }

    @Test
    void shouldFindAnAccountFiledBeforeTheLastBatchWhenItIsAddedDuringASweep() {
        index.add(500, "first");
        index.add(600, "second");
        final List<Due> first = index.due(1_000, 1);
        index.remove(first.get(0).deadline(), first.get(0).accountId());

        index.add(450, "filed-meanwhile");

        assertThat(sweep(1_000, 1)).containsExactly(new Due(450, "filed-meanwhile"), new Due(600, "second"));
    }

    @Test
    void shouldReturnNothingWhenTheDueAccountsWereMovedToLaterDeadlines() {
        index.add(100, "moved");
        index.remove(100, "moved");
        index.add(2_000, "moved");

        assertThat(index.due(1_000, 10)).isEmpty();
        assertThat(index.due(2_000, 10)).containsExactly(new Due(2_000, "moved"));
    }

    @Test
    void shouldNotScanTheStoreWhenAskedBeforeTheNextDeadline() {
        index.add(1_000, "early");
        index.add(5_000, "late");
        sweep(2_000, 10);
        final int scansOfTheFirstSweep = scans;

        assertThat(index.due(3_000, 10)).isEmpty();
        assertThat(index.due(4_999, 10)).isEmpty();
        assertThat(scans).isEqualTo(scansOfTheFirstSweep);
        assertThat(index.due(5_000, 10)).containsExactly(new Due(5_000, "late"));
    }

    @Test
    void shouldNotScanTheStoreWhenAScanFoundItEmptyUntilAnEntryIsAdded() {
        assertThat(index.due(1_000, 10)).isEmpty();
        assertThat(index.due(2_000, 10)).isEmpty();
        assertThat(scans).isEqualTo(1);

        index.add(1_500, "added");
        assertThat(index.due(2_000, 10)).containsExactly(new Due(1_500, "added"));
    }

    @Test
    void shouldFindAnEntryAddedBeforeTheNextDeadlineWhenItIsDue() {
        index.add(5_000, "late");
        assertThat(index.due(1_000, 10)).isEmpty();

        index.add(3_000, "earlier");
        assertThat(index.due(3_000, 10)).containsExactly(new Due(3_000, "earlier"));
    }
}
