package org.newsroommonitor.ingest.statetopic;

import java.util.Map;
import java.util.TreeMap;

/**
 * The security settings of the Kafka clients this package creates itself (the state topic's producer and
 * consumers), taken from the same configuration as the SmallRye channels': Quarkus' {@code default-kafka-broker}
 * map of every {@code kafka.*} property ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG},
 * {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, ...; docs/SECURITY.md). Only {@code security.protocol}, {@code sasl.*} and
 * {@code ssl.*} are kept: the clients' own settings (ids, offsets, timeouts) stay theirs.
 */
record KafkaClientSecurity(Map<String, Object> properties) {

    /** No security: a PLAINTEXT broker (tests on the plain local broker). */
    static final KafkaClientSecurity NONE = new KafkaClientSecurity(Map.of());

    KafkaClientSecurity {
        properties = Map.copyOf(properties);
    }

    /** The security properties among {@code kafkaConfig} (Quarkus' {@code default-kafka-broker} map). */
    static KafkaClientSecurity from(Map<String, ?> kafkaConfig) {
        Map<String, Object> kept = new TreeMap<>();
        kafkaConfig.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank() && isSecurity(name)) {
                kept.put(name, value);
            }
        });
        return new KafkaClientSecurity(kept);
    }

    static boolean isSecurity(String name) {
        return name.equals("security.protocol") || name.startsWith("sasl.") || name.startsWith("ssl.");
    }

    /** {@code clientProperties} with the security settings added. */
    Map<String, Object> applyTo(Map<String, ?> clientProperties) {
        Map<String, Object> all = new TreeMap<>(clientProperties);
        all.putAll(properties);
        return all;
    }

    @Override
    public String toString() {
        // never the JAAS config (it holds the password)
        return "KafkaClientSecurity" + properties.keySet();
    }
}
