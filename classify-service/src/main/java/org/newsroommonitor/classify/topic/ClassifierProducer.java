package org.newsroommonitor.classify.topic;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.newsroommonitor.classify.config.ClassifyConfig;
import org.newsroommonitor.classify.taxonomy.Taxonomy;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;

/** Builds the one {@link TopicClassifier} of the service from the configured taxonomy. */
@ApplicationScoped
public class ClassifierProducer {

    private final ClassifyConfig config;

    public ClassifierProducer(ClassifyConfig config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    TopicClassifier classifier() {
        TaxonomyLoader loader = new TaxonomyLoader();
        Taxonomy taxonomy = config.taxonomyFile().map(loader::loadFile).orElseGet(loader::loadBundled);
        TopicClassifier classifier = TopicClassifier.create(taxonomy);
        Log.infof("Taxonomy %s loaded from %s: %d topics, %d rules", taxonomy.version(),
                config.taxonomyFile().map(Object::toString).orElse("classpath:" + TaxonomyLoader.BUNDLED_RESOURCE),
                taxonomy.topics().size(), classifier.ruleCount());
        return classifier;
    }

    void close(@Disposes TopicClassifier classifier) {
        classifier.close();
    }
}
