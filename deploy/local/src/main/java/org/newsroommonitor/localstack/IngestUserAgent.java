package org.newsroommonitor.localstack;

/**
 * The User-Agent the local stack gives each ingest-service replica ({@code NEWSROOM_INGEST_USER_AGENT}): one naming
 * the project, as the service's own does, with the replica's member id added, so the sample feed server's request
 * log tells which replica polled a feed.
 */
public final class IngestUserAgent {

    /** The part every replica's User-Agent starts with. */
    static final String BASE = "NewsroomMonitor/0.1 (+https://github.com/newsroom-monitor";

    private IngestUserAgent() {
    }

    /** The User-Agent of the replica with member id {@code instanceId}. */
    public static String of(String instanceId) {
        return BASE + "; replica " + instanceId + ")";
    }

    /** The member id named by a User-Agent of {@link #of}, or null for any other. */
    public static String replicaOf(String userAgent) {
        String marker = "; replica ";
        if (userAgent == null || !userAgent.startsWith(BASE + marker) || !userAgent.endsWith(")")) {
            return null;
        }
        return userAgent.substring(BASE.length() + marker.length(), userAgent.length() - 1);
    }
}
