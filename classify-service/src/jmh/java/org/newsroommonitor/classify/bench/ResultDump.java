package org.newsroommonitor.classify.bench;

import org.newsroommonitor.classify.gazetteer.Entities;
import org.newsroommonitor.classify.subscription.SubscriptionMatch;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.messages.Place;
import org.newsroommonitor.messages.Topic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes everything the benchmark's work produces for every article of a workload (topics with scores and hits,
 * places and organisations, matched saved searches with their words), one line per article, so that a change made
 * for speed can be checked to change no result: run it before and after and compare the files.
 * Arguments: output file, workload ({@code synthetic} or {@code feeds}), number of saved searches.
 */
public final class ResultDump {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ResultDump <output file> <synthetic|feeds> <saved searches>");
            System.exit(2);
        }
        ClassifyBenchmark bench = new ClassifyBenchmark();
        bench.workload = args[1];
        bench.savedSearches = Integer.parseInt(args[2]);
        bench.setUp();
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[0]))) {
            for (SyntheticNews.Article article : bench.articles()) {
                Classification classification = bench.classifier().classify(article.title(), article.summary(),
                        article.text());
                Entities entities = bench.extractor().extract(article.title(), article.summary(), article.text());
                Set<String> topics = classification.topics().stream().map(Topic::id).collect(Collectors.toSet());
                Set<String> places = entities.places().stream().map(Place::id).collect(Collectors.toSet());
                List<SubscriptionMatch> matches = bench.subscriptions().match(article.title(), article.summary(),
                        article.text(), topics, places);
                out.write(classification + "\t" + entities + "\t" + matches.stream()
                        .map(m -> m.subscription().id() + m.matched()).toList());
                out.newLine();
                lines++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            bench.tearDown();
        }
        System.out.println(lines + " articles written to " + args[0]);
        System.exit(0); // the monitors' purge threads would keep the JVM alive
    }
}
