package org.newsroommonitor.search.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.messages.MessageSchemas;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.search.index.ArticleIndexer;
import org.newsroommonitor.search.index.IndexingMetrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumes {@code news.classified} in batches (one poll at a time) and indexes every readable message with one
 * bulk request, the message as it arrived (every field, those this service does not know included). Messages that
 * are not classified articles of the schema this service reads ({@link MessageSchemas}), unreadable messages and documents Elasticsearch rejects for good go to the dead-letter topic.
 * When Elasticsearch keeps failing, {@link ArticleIndexer} throws: the batch is not acknowledged, its offsets are
 * not committed, and the channel's {@code fail} strategy stops consumption (liveness goes down, a restart
 * resumes from the last committed offset), so nothing is lost.
 */
@ApplicationScoped
public class ClassifiedArticleConsumer {

    /** Incoming channel; its topic is {@code mp.messaging.incoming.classified.topic}. */
    public static final String CHANNEL = "classified";

    private static final Logger LOG = Logger.getLogger(ClassifiedArticleConsumer.class);

    private final ObjectMapper mapper;
    private final ArticleIndexer indexer;
    private final DeadLetterPublisher deadLetters;
    private final IndexingMetrics metrics;
    private final MessageSchemas schemas;

    public ClassifiedArticleConsumer(ObjectMapper mapper, ArticleIndexer indexer, DeadLetterPublisher deadLetters,
            IndexingMetrics metrics, MessageSchemas schemas) {
        this.schemas = schemas;
        this.mapper = mapper;
        this.indexer = indexer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ClassifiedArticle> articles = new ArrayList<>(records.count());
        Map<ClassifiedArticle, ConsumerRecord<String, byte[]>> origin = new IdentityHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String problem = null;
            ClassifiedArticle article = null;
            if (record.value() == null || record.value().length == 0) {
                problem = "empty value";
            } else {
                try {
                    JsonNode json = mapper.readTree(record.value());
                    problem = schemas.problem(MessageType.CLASSIFIED_ARTICLE, json).orElse(null);
                    if (problem == null) {
                        article = ClassifiedArticle.read(mapper, (ObjectNode) json);
                        problem = unindexable(article);
                    }
                } catch (IOException | IllegalArgumentException e) {
                    problem = "unreadable classified article: " + abbreviate(e.getMessage());
                }
            }
            if (problem != null) {
                deadLetters.send(record, problem);
                metrics.unreadable(1);
                continue;
            }
            articles.add(article);
            origin.put(article, record);
        }
        if (articles.isEmpty()) {
            return;
        }
        ArticleIndexer.Result result = indexer.index(articles);
        for (ArticleIndexer.Rejection rejection : result.rejected()) {
            deadLetters.send(origin.get(rejection.article()), "rejected by Elasticsearch: " + rejection.reason());
        }
        LOG.debugf("Indexed %d classified articles (%d stale revisions skipped, %d rejected)",
                result.indexed(), result.stale(), result.rejected().size());
    }

    /** Why Elasticsearch would refuse the article whatever is retried, or null. */
    static String unindexable(ClassifiedArticle article) {
        int bytes = article.id().getBytes(StandardCharsets.UTF_8).length;
        return bytes > ArticleIndexer.MAX_ID_BYTES
                ? "id of " + bytes + " bytes, longer than Elasticsearch's " + ArticleIndexer.MAX_ID_BYTES : null;
    }

    private static String abbreviate(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= 500 ? message : message.substring(0, 500) + "...";
    }
}
