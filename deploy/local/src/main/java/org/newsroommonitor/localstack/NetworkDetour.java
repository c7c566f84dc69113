package org.newsroommonitor.localstack;

/**
 * Routes the services' connections to Kafka and Elasticsearch through ports a test controls (a TCP proxy adding
 * latency and resets), while the test itself keeps the direct ones. Kafka gets a second listener on
 * {@code kafkaListenerPort} that advertises {@code kafkaProxyPort}, so every connection a service opens after the
 * bootstrap goes through the proxy too; the proxies forward {@code kafkaProxyPort} to {@code kafkaListenerPort} and
 * {@code elasticsearchProxyPort} to Elasticsearch's HTTP port.
 */
public record NetworkDetour(int kafkaListenerPort, int kafkaProxyPort, int elasticsearchProxyPort) {

    /** Free ports for all three. */
    public static NetworkDetour onFreePorts() {
        return new NetworkDetour(Net.freePort(), Net.freePort(), Net.freePort());
    }

    /** What the services bootstrap from. */
    public String kafkaBootstrap() {
        return Net.LOOPBACK + ":" + kafkaProxyPort;
    }

    /** What the services send their Elasticsearch requests to. */
    public String elasticsearchHostAndPort() {
        return Net.LOOPBACK + ":" + elasticsearchProxyPort;
    }
}
