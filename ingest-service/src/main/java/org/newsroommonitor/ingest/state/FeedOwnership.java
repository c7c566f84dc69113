package org.newsroommonitor.ingest.state;

/**
 * Which feeds this replica polls. With several replicas each feed must be polled by exactly one of them; the
 * single-replica default owns them all.
 */
public interface FeedOwnership {

    boolean owns(String feedId);
}
