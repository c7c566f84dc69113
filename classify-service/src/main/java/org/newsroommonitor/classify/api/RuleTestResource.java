package org.newsroommonitor.classify.api;

import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.newsroommonitor.classify.recent.ArticleText;
import org.newsroommonitor.classify.recent.RecentArticles;
import org.newsroommonitor.classify.taxonomy.TaxonomyException;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.topic.RuleChangeTester;
import org.newsroommonitor.classify.topic.TaxonomyReloader;
import org.newsroommonitor.classify.topic.TopicClassifier;
import org.newsroommonitor.edges.ErrorMappers;
import org.newsroommonitor.edges.JsonErrors;
import org.newsroommonitor.edges.Roles;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries a rule change before it is saved: {@code POST /api/rules/test?n=200} with a taxonomy YAML reports which of
 * the last {@code n} articles would gain or lose which topic compared with the rules in force:
 * {@code {"compared", "currentVersion", "candidateVersion", "changes": [{"articleId", "title", "gained", "lost"}]}}.
 *
 * <ul>
 *   <li>body {@code application/yaml} (or {@code text/plain}): the taxonomy; the articles are the last {@code n}
 *       this instance classified (kept in memory, see {@link RecentArticles});</li>
 *   <li>body {@code multipart/form-data}: part {@code taxonomy} (the YAML) and optional part {@code articles}, a
 *       JSON-lines file of articles (one article or classified article per line, as on news.articles /
 *       news.classified; only {@code id}, {@code title}, {@code summary}, {@code text} are used), of which the
 *       last {@code n} are tried.</li>
 * </ul>
 * A taxonomy that does not load is answered with 400 and the loader's message (rule and line), as
 * {@code {"error": "..."}} ({@link ErrorMappers}). The admin's only (docs/SECURITY.md).
 */
@RolesAllowed(Roles.ADMIN)
@Path("/api/rules/test")
public class RuleTestResource {

    static final int MAX_N = 100_000;
    static final int MAX_YAML_CHARS = 2_000_000;

    private final TaxonomyReloader taxonomy;
    private final RecentArticles recent;
    private final ObjectMapper mapper;

    public RuleTestResource(TaxonomyReloader taxonomy, RecentArticles recent, ObjectMapper mapper) {
        this.taxonomy = taxonomy;
        this.recent = recent;
        this.mapper = mapper;
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Try a taxonomy on the articles this instance classified last",
            description = "Body: the taxonomy YAML (application/yaml or text/plain), or multipart/form-data with the "
                    + "part taxonomy and an optional part articles (JSON lines, one article per line). Reports which "
                    + "of the last n articles would gain or lose which topic compared with the rules in force.")
    @APIResponse(responseCode = "200", description = "{compared, currentVersion, candidateVersion, changes: "
            + "[{articleId, title, gained, lost}]}")
    @APIResponse(responseCode = "400", description = "{\"error\": \"why\"}: a taxonomy that does not load (rule and "
            + "line), an articles line that is not an article, n out of range")
    @APIResponse(responseCode = "415", description = "{\"error\": \"why\"}: another Content-Type")
    public RuleChangeTester.Report testOnRecentArticles(String yaml, @Parameter(description = "articles to compare, "
            + "1 to " + MAX_N + ", default 200") @QueryParam("n") @DefaultValue("200") int n) {
        checkN(n);
        return compare(yaml, recent.last(n));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Try a taxonomy on the articles of a file or on those classified last")
    public RuleChangeTester.Report testOnFile(@RestForm("taxonomy") FileUpload taxonomyFile,
                                              @RestForm("articles") FileUpload articlesFile,
                                              @QueryParam("n") @DefaultValue("200") int n) {
        checkN(n);
        if (taxonomyFile == null) {
            throw new BadRequestException("the form part 'taxonomy' (the taxonomy YAML) is missing");
        }
        String yaml = read(taxonomyFile);
        List<ArticleText> articles = articlesFile == null ? recent.last(n) : lastLines(read(articlesFile), n);
        return compare(yaml, articles);
    }

    private RuleChangeTester.Report compare(String yaml, List<ArticleText> articles) {
        if (yaml == null || yaml.isBlank()) {
            throw new BadRequestException("the body must be a taxonomy YAML");
        }
        if (yaml.length() > MAX_YAML_CHARS) {
            throw new BadRequestException("the taxonomy is longer than " + MAX_YAML_CHARS + " characters");
        }
        TopicClassifier current = taxonomy.current();
        // the candidate rules with the model in force: a rule change is tried as it would work until a retraining
        try (TopicClassifier candidate = TopicClassifier.create(new TaxonomyLoader().parse(yaml, "(request)")
                .withModel(current.taxonomy().model()))) {
            return RuleChangeTester.compare(current, candidate, articles);
        } catch (TaxonomyException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private List<ArticleText> lastLines(String jsonLines, int n) {
        String[] lines = jsonLines.split("\\R");
        List<ArticleText> articles = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                ArticleText article = mapper.readValue(lines[i], ArticleText.class);
                if (article == null || article.id() == null) {
                    throw new BadRequestException("articles line " + (i + 1) + ": not an article with an 'id'");
                }
                articles.add(article);
            } catch (JsonProcessingException e) {
                throw new BadRequestException("articles line " + (i + 1) + ": " + JsonErrors.describe(e));
            }
        }
        return List.copyOf(articles.subList(Math.max(0, articles.size() - n), articles.size()));
    }

    private static String read(FileUpload upload) {
        try {
            return Files.readString(upload.uploadedFile());
        } catch (IOException e) {
            throw new BadRequestException("cannot read the form part '" + upload.name() + "': " + e.getMessage());
        }
    }

    private static void checkN(int n) {
        if (n < 1 || n > MAX_N) {
            throw new BadRequestException("n must be between 1 and " + MAX_N + " (got " + n + ")");
        }
    }
}
