package org.newsroommonitor.ingest.statetopic;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientSecurityTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"ingest-service\" password=\"s3cret\";";

    @Test
    void keepsOnlyTheSecuritySettingsOfTheKafkaConfiguration() {
        KafkaClientSecurity security = KafkaClientSecurity.from(Map.of(
                "bootstrap.servers", "broker:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/newsroom/kafka-ca/ca.crt",
                "ssl.truststore.password", " ",
                "acks", "all"));

        assertThat(security.properties()).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("sasl.jaas.config", JAAS),
                Map.entry("ssl.truststore.type", "PEM"),
                Map.entry("ssl.truststore.location", "/etc/newsroom/kafka-ca/ca.crt"));
        assertThat(security.toString()).doesNotContain("s3cret");
    }

    @Test
    void addsTheSecuritySettingsToAClientsOwnAndLeavesTheRest() {
        KafkaClientSecurity security = KafkaClientSecurity.from(Map.of("security.protocol", "SASL_SSL"));

        assertThat(security.applyTo(Map.of("bootstrap.servers", "broker:9093", "client.id", "ingest-state-1")))
                .containsOnly(Map.entry("bootstrap.servers", "broker:9093"), Map.entry("client.id", "ingest-state-1"),
                        Map.entry("security.protocol", "SASL_SSL"));
        assertThat(KafkaClientSecurity.NONE.applyTo(Map.of("client.id", "x"))).containsOnly(Map.entry("client.id", "x"));
    }
}
