package org.newsroommonitor.ingest.parse;

import com.rometools.rome.feed.synd.SyndFeed;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A feed read by {@link FeedParser}, and the repairs it needed to be read (none for a feed read as served).
 *
 * @param feed    the feed
 * @param repairs the repairs applied, in the order they were made; empty when none was needed
 */
public record ParsedFeed(SyndFeed feed, List<Repair> repairs) {

    public ParsedFeed {
        repairs = List.copyOf(repairs);
    }

    /** The repairs in plain words, separated by "; ", for the feed's status; {@code null} when none was needed. */
    public String repairNotes() {
        return repairs.isEmpty() ? null : repairs.stream().map(Repair::note).collect(Collectors.joining("; "));
    }
}
