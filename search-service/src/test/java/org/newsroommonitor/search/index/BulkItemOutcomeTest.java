package org.newsroommonitor.search.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroommonitor.search.index.BulkItemOutcome.INDEXED;
import static org.newsroommonitor.search.index.BulkItemOutcome.REJECTED;
import static org.newsroommonitor.search.index.BulkItemOutcome.STALE;
import static org.newsroommonitor.search.index.BulkItemOutcome.TRANSIENT;

class BulkItemOutcomeTest {

    @Test
    void classifiesBulkItemStatuses() {
        assertThat(BulkItemOutcome.of(201, null)).isEqualTo(INDEXED);
        assertThat(BulkItemOutcome.of(200, null)).isEqualTo(INDEXED);
        assertThat(BulkItemOutcome.of(409, "version_conflict_engine_exception")).isEqualTo(STALE);
        assertThat(BulkItemOutcome.of(429, "es_rejected_execution_exception")).isEqualTo(TRANSIENT);
        assertThat(BulkItemOutcome.of(503, "unavailable_shards_exception")).isEqualTo(TRANSIENT);
        assertThat(BulkItemOutcome.of(404, "index_not_found_exception")).isEqualTo(TRANSIENT);
        assertThat(BulkItemOutcome.of(400, "document_parsing_exception")).isEqualTo(REJECTED);
        assertThat(BulkItemOutcome.of(400, "strict_dynamic_mapping_exception")).isEqualTo(REJECTED);
        assertThat(BulkItemOutcome.of(409, "something_else")).isEqualTo(REJECTED);
    }
}
