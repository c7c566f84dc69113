package org.newsroommonitor.classify.eval.real;

import org.newsroommonitor.classify.model.TopicModelFile;
import org.newsroommonitor.classify.taxonomy.Taxonomy;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./newsroom train}: trains the topic model of the bundled taxonomy on the dev part of the real-news set and
 * writes it beside the taxonomy ({@code classify-service/src/main/resources/taxonomy/topic-model.json}), printing the
 * cross-validated quality of each topic. Needs every labelled dev text, the extra corpora included
 * ({@code classify-service/eval/fetch-extra-corpora.sh}), so that a retrained model is trained on the same texts.
 * The held-out part is not read. Bump the taxonomy version before retraining: the model is part of the taxonomy.
 */
public final class TrainTopicModel {

    /** Out-of-fold precision the thresholds of these topics must keep (the targets of docs/EVALUATION.md). */
    static final Map<String, Double> PRECISION_TARGETS = Map.of();

    private TrainTopicModel() {
    }

    public static void main(String[] args) throws IOException {
        RealNewsSet set = RealNewsSet.load();
        if (set.missing() > 0) {
            throw new IllegalStateException(set.missing() + " labelled texts are not here: fetch the extra corpora"
                    + " first (classify-service/eval/fetch-extra-corpora.sh, or set " + RealNewsSet.EXTRA_CORPORA_ENV
                    + ")");
        }
        Taxonomy taxonomy = new TaxonomyLoader().loadBundledRules();
        List<RealNewsSet.Text> dev = set.dev();
        System.out.printf("Training the topic model of taxonomy %s on %d dev texts%n", taxonomy.version(), dev.size());
        TopicModelTrainer.Result result = new TopicModelTrainer(PRECISION_TARGETS)
                .train(taxonomy, dev, taxonomy.version() + "-model");
        System.out.println("| topic | cost | threshold | precision | recall | F1 | weights |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (TopicModelTrainer.TopicReport r : result.reports()) {
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.3f | %.3f | %.3f | %.3f | %d |%n", r.topic(), r.cost(),
                    r.threshold(), r.precision(), r.recall(), r.f1(), r.weights());
        }
        System.out.println();
        System.out.println("As the service decides (exclude rules veto; where the rules assign, a quarter of the"
                + " threshold is enough):");
        System.out.println("| topic | precision | recall | F1 |");
        System.out.println("|---|---:|---:|---:|");
        for (TopicModelTrainer.ServiceReport r : result.asDecided()) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", r.topic(), r.precision(), r.recall(),
                    r.f1());
        }
        Path out = RealNewsSet.Corpora.repoRoot()
                .resolve("classify-service/src/main/resources/taxonomy/topic-model.json");
        try (OutputStream file = Files.newOutputStream(out)) {
            TopicModelFile.write(result.model(), result.training(), file);
        }
        System.out.printf("Wrote %s (%d weights)%n", out, result.model().size());
    }
}
