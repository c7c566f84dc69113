package org.newsroommonitor.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IngestUserAgentTest {

    @Test
    void eachReplicaNamesItselfAndTheProject() {
        String agent = IngestUserAgent.of(LocalStack.instanceId("ingest-service", 1));

        assertThat(agent).isEqualTo("NewsroomMonitor/0.1 (+https://github.com/newsroom-monitor; replica ingest-service-1)");
        assertThat(IngestUserAgent.replicaOf(agent)).isEqualTo("ingest-service-1");
    }

    @Test
    void anyOtherUserAgentNamesNoReplica() {
        assertThat(IngestUserAgent.replicaOf("NewsroomMonitor/0.1 (+https://github.com/newsroom-monitor)")).isNull();
        assertThat(IngestUserAgent.replicaOf("curl/8.5.0")).isNull();
        assertThat(IngestUserAgent.replicaOf(null)).isNull();
    }

    @Test
    void theFirstReplicaKeepsTheServiceName() {
        assertThat(LocalStack.replicaName("search-service", 0)).isEqualTo("search-service");
        assertThat(LocalStack.replicaName("search-service", 2)).isEqualTo("search-service-2");
        assertThat(LocalStack.instanceId("search-service", 0)).isEqualTo("search-service-0");
    }
}
