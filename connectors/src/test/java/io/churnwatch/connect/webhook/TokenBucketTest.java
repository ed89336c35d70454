package io.churnwatch.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bucket on a fake clock that advances only when the bucket sleeps. */
class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong();

    private TokenBucket bucket(final double perSecond) {
        return new TokenBucket(perSecond, nanos::get, nanos::addAndGet);
    }

    @Test
    void shouldSpreadRequestsAtTheRateWhenMoreArriveThanTheBurst() throws InterruptedException {
        final TokenBucket bucket = bucket(10);

        for (int i = 0; i < 30; i++) {
            bucket.acquire();
        }

        // The first 10 are the burst; the other 20 wait 0.1 s each.
        assertThat(nanos.get() / 1e9).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void shouldNotWaitWhenTheRateIsZero() throws InterruptedException {
        final TokenBucket bucket = bucket(0);

        for (int i = 0; i < 1_000; i++) {
            bucket.acquire();
        }

        assertThat(nanos.get()).isZero();
    }

    @Test
    void shouldAllowOneRequestAtATimeWhenTheRateIsBelowOne() throws InterruptedException {
        final TokenBucket bucket = bucket(0.5);

        bucket.acquire();
        bucket.acquire();

        assertThat(nanos.get() / 1e9).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.001));
    }
}
