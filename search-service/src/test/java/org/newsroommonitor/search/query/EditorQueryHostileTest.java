package org.newsroommonitor.search.query;

import org.junit.jupiter.api.Test;
import org.newsroommonitor.query.EditorQuery;
import org.newsroommonitor.query.InvalidQueryException;

import static org.assertj.core.api.Assertions.assertThat;

/** The hostile strings of the search API tests against the parser alone: each parses or is refused with a message. */
class EditorQueryHostileTest {

    @Test
    void hostileInputsParseOrAreRefused() {
        for (String q : HostileQueries.LIST) {
            try {
                EditorQuery parsed = EditorQuery.parse(q);
                assertThat(parsed.normalized()).as(q).isNotBlank();
                assertThat(EditorQuery.parse(parsed.normalized()).root()).as(q).isEqualTo(parsed.root());
            } catch (InvalidQueryException e) {
                assertThat(e.getMessage()).as(q).isNotBlank();
            }
        }
    }
}
