package io.posture.scoring.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageWritesTest {

    @Test
    void eachPageIsWrittenBeforeItsFollowUpAndBothLanesKeepTheirOrder() {
        var log = Collections.synchronizedList(new ArrayList<String>());
        try (var writes = new PageWrites()) {
            for (int page = 1; page <= 6; page++) {
                int number = page;
                writes.write(() -> {
                    sleep(number % 2 == 0 ? 15 : 1);
                    log.add("page " + number);
                }, () -> {
                    sleep(number % 3 == 0 ? 20 : 1);
                    log.add("follow-up " + number);
                });
            }
        }
        assertThat(log).hasSize(12);
        assertThat(log.stream().filter(entry -> entry.startsWith("page")).toList())
                .containsExactly("page 1", "page 2", "page 3", "page 4", "page 5", "page 6");
        assertThat(log.stream().filter(entry -> entry.startsWith("follow-up")).toList())
                .containsExactly("follow-up 1", "follow-up 2", "follow-up 3", "follow-up 4", "follow-up 5", "follow-up 6");
        for (int page = 1; page <= 6; page++) {
            assertThat(log.indexOf("page " + page)).isLessThan(log.indexOf("follow-up " + page));
        }
    }

    @Test
    void theFollowUpLaneStaysAtMostOnePageBehind() {
        var followUpsDone = new AtomicInteger();
        var pending = new ArrayList<Integer>();
        try (var writes = new PageWrites()) {
            for (int page = 1; page <= 5; page++) {
                writes.write(() -> { }, () -> {
                    sleep(10);
                    followUpsDone.incrementAndGet();
                });
                // once page is handed over, only its own follow-up and the one before it may be pending
                pending.add(page - followUpsDone.get());
            }
        }
        assertThat(pending).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));
        assertThat(pending).contains(2);
        assertThat(followUpsDone).hasValue(5);
    }

    @Test
    void aFailedPageIsThrownFromTheNextCallAndItsFollowUpNeverRuns() {
        var followUps = Collections.synchronizedList(new ArrayList<Integer>());
        var writes = new PageWrites();
        writes.write(() -> {
            throw new IllegalStateException("lock timeout");
        }, () -> followUps.add(1));
        assertThatThrownBy(() -> writes.write(() -> { }, () -> followUps.add(2)))
                .isInstanceOf(IllegalStateException.class).hasMessage("lock timeout");
        assertThat(followUps).isEmpty();
    }

    @Test
    void aFailedFollowUpIsThrownWhenTheWritesClose() {
        var writes = new PageWrites();
        writes.write(() -> { }, () -> {
            throw new IllegalArgumentException("finding too long");
        });
        assertThatThrownBy(writes::close).isInstanceOf(IllegalArgumentException.class).hasMessage("finding too long");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
