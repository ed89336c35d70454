package io.churnwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureDaysTest {

    private static List<String> names(final FeatureDays features) {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            names.add(features.name(i));
        }
        return names;
    }

    @Test
    void shouldKeepNamesSortedWhenUsedInAnyOrder() {
        final FeatureDays features = new FeatureDays(1);
        for (final String name : new String[] {"search", "api", "reports", "billing", "api"}) {
            features.used(name, 10, 64);
        }

        assertThat(names(features)).containsExactly("api", "billing", "reports", "search");
    }

    @Test
    void shouldKeepLatestDayWhenFeatureIsUsedAgain() {
        final FeatureDays features = new FeatureDays(4);
        features.used("api", 12, 64);
        features.used("api", 9, 64);

        assertThat(features.day(0)).isEqualTo(12);
        assertThat(features.countSince(12)).isEqualTo(1);
        assertThat(features.anySince(13)).isFalse();
    }

    @Test
    void shouldEvictLeastRecentSmallestNameWhenFull() {
        final FeatureDays features = new FeatureDays(4);
        features.used("c", 5, 3);
        features.used("b", 5, 3);
        features.used("a", 8, 3);

        features.used("d", 9, 3);

        assertThat(names(features)).containsExactly("a", "c", "d");
    }

    @Test
    void shouldShrinkToCapWhenCapIsLowered() {
        final FeatureDays features = new FeatureDays(4);
        for (int day = 0; day < 5; day++) {
            features.used("f" + day, day, 64);
        }

        features.used("new", 10, 2);

        assertThat(names(features)).containsExactly("f4", "new");
    }

    @Test
    void shouldRejectStoredFeaturesWhenOutOfOrder() throws IOException {
        final FeatureDays features = new FeatureDays(2);
        features.append("b", 1);

        assertThatThrownBy(() -> features.append("a", 1)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> features.append("b", 1)).isInstanceOf(IOException.class);
    }

    @Test
    void shouldBeEqualWhenSameFeaturesWhateverCapacity() throws IOException {
        final FeatureDays used = new FeatureDays(1);
        used.used("b", 3, 64);
        used.used("a", 4, 64);
        final FeatureDays read = new FeatureDays(2);
        read.append("a", 4);
        read.append("b", 3);

        assertThat(read).isEqualTo(used).hasSameHashCodeAs(used);
    }
}
