package org.newsroommonitor.search.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntityFacetTest {

    static StringTermsBucket bucket(String key, long count) {
        return StringTermsBucket.of(b -> b.key(FieldValue.of(key)).docCount(count));
    }

    @Test
    void bucketsOfFacetKeysBecomeIdsWithNamesMostArticlesFirst() {
        List<SearchResult.FacetValue> values = ArticleSearch.entityValues(List.of(
                bucket("stepanakert\u001FStepanakert", 5), bucket("aghdam\u001FAghdam", 2),
                bucket("lachin\u001FLachin", 2)), 20);
        assertThat(values).containsExactly(new SearchResult.FacetValue("stepanakert", "Stepanakert", 5),
                new SearchResult.FacetValue("aghdam", "Aghdam", 2), new SearchResult.FacetValue("lachin", "Lachin", 2));
    }

    @Test
    void anIdUnderTwoNamesIsOneValueWithTheCommonerNameThenCutToTheFacetSize() {
        List<SearchResult.FacetValue> values = ArticleSearch.entityValues(List.of(
                bucket("a\u001FAlpha", 3), bucket("b\u001FBeta", 3), bucket("c\u001FGamma", 2),
                bucket("c\u001FGamma (old)", 1)), 2);
        assertThat(values).containsExactly(new SearchResult.FacetValue("a", "Alpha", 3),
                new SearchResult.FacetValue("b", "Beta", 3));
        assertThat(ArticleSearch.entityValues(List.of(bucket("c\u001FGamma (old)", 1), bucket("c\u001FGamma", 2)), 5))
                .containsExactly(new SearchResult.FacetValue("c", "Gamma", 3));
    }
}
