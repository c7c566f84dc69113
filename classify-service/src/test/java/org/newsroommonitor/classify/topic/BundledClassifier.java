package org.newsroommonitor.classify.topic;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.newsroommonitor.classify.taxonomy.Taxonomy;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;

/**
 * The classifier of the bundled taxonomy for a test class: created before its tests, closed after them. Use as
 * {@code @RegisterExtension static final BundledClassifier classifier = new BundledClassifier();}.
 */
public final class BundledClassifier implements BeforeAllCallback, AfterAllCallback {

    private TopicClassifier classifier;

    @Override
    public void beforeAll(ExtensionContext context) {
        classifier = TopicClassifier.create(new TaxonomyLoader().loadBundled());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        classifier.close();
    }

    /** The classifier itself, while the test class runs. */
    public TopicClassifier get() {
        return classifier;
    }

    public Classification classify(String title, String summary, String text) {
        return classifier.classify(title, summary, text);
    }

    public Taxonomy taxonomy() {
        return classifier.taxonomy();
    }

    public String taxonomyVersion() {
        return classifier.taxonomyVersion();
    }
}
