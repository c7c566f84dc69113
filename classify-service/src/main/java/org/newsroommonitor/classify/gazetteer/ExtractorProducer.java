package org.newsroommonitor.classify.gazetteer;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.newsroommonitor.classify.config.ClassifyConfig;

/** Builds the one {@link EntityExtractor} of the service from the configured gazetteer. */
@ApplicationScoped
public class ExtractorProducer {

    private final ClassifyConfig config;

    public ExtractorProducer(ClassifyConfig config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    EntityExtractor extractor() {
        GazetteerLoader loader = new GazetteerLoader();
        Gazetteer gazetteer = config.gazetteerFile().map(loader::loadFile).orElseGet(loader::loadBundled);
        EntityExtractor extractor = EntityExtractor.create(gazetteer);
        Log.infof("Gazetteer %s loaded from %s: %d places, %d organisations, %d names", gazetteer.version(),
                config.gazetteerFile().map(Object::toString).orElse("classpath:" + GazetteerLoader.BUNDLED_RESOURCE),
                gazetteer.places().size(), gazetteer.organisations().size(), extractor.nameCount());
        return extractor;
    }

    void close(@Disposes EntityExtractor extractor) {
        extractor.close();
    }
}
