package org.newsroommonitor.ingest.poll;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The article ids a poll is deciding on, publishing and remembering right now. Two feeds carrying the same item and
 * polled at the same moment would otherwise both find it unseen, both publish it as revision 1 naming only
 * themselves, and one source would be lost. A poll claims all its ids at once ({@link #claim}); a poll needing an id
 * another holds waits until that one has remembered what Kafka confirmed, then decides on what is known by then
 * (the second feed is added as a source in the next revision). Claiming the whole set at once cannot deadlock.
 * <p>
 * This serialises polls within one replica. Feeds are shared among replicas by partition, so two replicas can
 * still race on an item two of their feeds carry; then the state topic keeps the later record, and the feed whose
 * source it lacks adds itself with a new revision the next time it is read (see {@code ingest-service/README.md}).
 */
@ApplicationScoped
public class InFlightArticles {

    private final Set<String> claimed = new HashSet<>();

    /** Waits until none of {@code ids} is claimed by another poll, then claims them all until the claim is closed. */
    public Claim claim(Set<String> ids) throws InterruptedException {
        Set<String> mine = new LinkedHashSet<>(ids);
        synchronized (claimed) {
            while (mine.stream().anyMatch(claimed::contains)) {
                claimed.wait();
            }
            claimed.addAll(mine);
        }
        return new Claim(mine);
    }

    /** Ids claimed right now (for tests and diagnostics). */
    public int size() {
        synchronized (claimed) {
            return claimed.size();
        }
    }

    /** Ids held by one poll; closing gives them back and wakes the polls waiting for them. */
    public final class Claim implements AutoCloseable {

        private final Set<String> ids;

        private Claim(Set<String> ids) {
            this.ids = ids;
        }

        @Override
        public void close() {
            synchronized (claimed) {
                claimed.removeAll(ids);
                claimed.notifyAll();
            }
        }
    }
}
