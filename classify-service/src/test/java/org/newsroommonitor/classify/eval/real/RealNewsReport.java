package org.newsroommonitor.classify.eval.real;

import org.newsroommonitor.classify.taxonomy.Taxonomy;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.topic.TopicClassifier;

import java.util.List;

/**
 * Prints the figures of the bundled classifier on the real-news set: the dev part with its errors, and, only when
 * asked with {@code --held-out}, the held-out part (aggregates only). The held-out part is measured once per round
 * (docs/EVALUATION.md); use the dev part and the trainer's cross-validation while working. {@code --rules-only}
 * leaves the model out; {@code --agreement} prints only how far the two labellings agree.
 */
public final class RealNewsReport {

    private RealNewsReport() {
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        RealNewsSet set = RealNewsSet.load();
        System.out.println("texts " + set.texts().size() + ", missing (extra corpora not fetched) " + set.missing());
        Taxonomy taxonomy = new TaxonomyLoader().loadBundled();
        if (options.contains("--rules-only")) {
            taxonomy = taxonomy.withModel(null);
        }
        if (options.contains("--agreement")) {
            List<String> topics = taxonomy.topics().stream().map(t -> t.id()).toList();
            System.out.println(LabelAgreement.report("ALL LABELLED TEXTS", set.texts(), topics));
            System.out.println(LabelAgreement.report("SHARED CORPORA ONLY", set.texts(t -> !t.extra()), topics));
            return;
        }
        try (TopicClassifier classifier = TopicClassifier.create(taxonomy)) {
            String label = "taxonomy " + classifier.taxonomyVersion() + (taxonomy.model() == null ? ", rules only"
                    : ", model " + taxonomy.model().version());
            RealNewsEvaluation dev = RealNewsEvaluation.of("DEV (" + label + ")", classifier, set.dev());
            System.out.println(dev.report());
            if (options.contains("--errors")) {
                dev.errors(400).forEach(error -> System.out.println("  " + error));
            }
            if (options.contains("--held-out")) {
                RealNewsEvaluation heldOut = RealNewsEvaluation.of("HELD-OUT (" + label + ")", classifier,
                        set.heldOut());
                System.out.println(heldOut.report());
                System.out.println(heldOut.part("HELD-OUT, shared corpora only (the part CI checks)",
                        t -> !t.extra()).report());
                System.out.println(heldOut.part("HELD-OUT, extra corpora only", RealNewsSet.Text::extra).report());
            }
        }
    }
}
