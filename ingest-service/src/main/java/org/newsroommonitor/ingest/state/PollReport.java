package org.newsroommonitor.ingest.state;

/**
 * What a poll made of a feed it read: the entries, the articles published, and what went wrong with some of them.
 *
 * @param entries     entries in the feed
 * @param created     articles published for the first time
 * @param updated     articles published again (new revision or new source)
 * @param problems    what went wrong with entries or articles, in plain words; {@code null} when nothing did
 * @param unpublished whether some articles were not confirmed by Kafka (they are retried at the next poll)
 * @param merged      entries merged into an earlier entry of the feed with the same article id
 * @param repairs     the repairs the feed needed to be read, in plain words; {@code null} when it was read as served
 */
public record PollReport(int entries, int created, int updated, String problems, boolean unpublished, int merged,
        String repairs) {
}
