package org.newsroommonitor.ingest.state;

/**
 * Which feeds this replica polls. With several replicas each feed must be polled by exactly one of them; the
 * single-replica default owns them all.
 */
public interface FeedOwnership {

    boolean owns(String feedId);

    /** Whether this replica knows which feeds are its own (and their state) yet. */
    default boolean ready() {
        return true;
    }

    /** Waits, within a configured limit, until {@link #ready()}; false when it is still not. */
    default boolean awaitReady() {
        return true;
    }
}
