package org.newsroommonitor.classify.taxonomy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.newsroommonitor.classify.model.TopicModel;
import org.newsroommonitor.classify.model.TopicModelFile;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.newsroommonitor.classify.rules.ArticleDocument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a taxonomy file (YAML). The file is read node by node so that an error names the topic and
 * the rule ({@code <topic>.<rule>}) it is in. Rules whose terms cannot be compiled into a Lucene query are
 * reported by {@link org.newsroommonitor.classify.rules.RuleCompiler}, also with the rule id.
 */
public final class TaxonomyLoader {

    /** The taxonomy bundled with the service. */
    public static final String BUNDLED_RESOURCE = "taxonomy/taxonomy.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Words separated by white space; a word may end with one '*' (prefix), no other '*' allowed. */
    private static final Pattern PREFIX_STARS = Pattern.compile("[^*\\s]+\\*?(\\s+[^*\\s]+\\*?)*");
    private static final Set<String> TAXONOMY_FIELDS = Set.of("version", "model", "topics");
    /** A model file name: a plain file name beside the taxonomy, no directories. */
    private static final Pattern MODEL_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.json");

    private final ObjectMapper yaml = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Loads the bundled taxonomy from the class path. */
    public Taxonomy loadBundled() {
        return loadResource(BUNDLED_RESOURCE);
    }

    /**
     * The rules of the bundled taxonomy without its model: what the trainer trains a new model for (the model file
     * in place may be one trained for an earlier version).
     */
    public Taxonomy loadBundledRules() {
        return rules(BUNDLED_RESOURCE);
    }

    /** Loads a taxonomy from a class-path resource, with the model it names. */
    public Taxonomy loadResource(String resource) {
        ClassLoader loader = classLoader();
        Taxonomy taxonomy = rules(resource);
        if (taxonomy.origin().model() == null) {
            return taxonomy;
        }
        String modelResource = resource.substring(0, resource.lastIndexOf('/') + 1) + taxonomy.origin().model();
        try (InputStream in = loader.getResourceAsStream(modelResource)) {
            if (in == null) {
                throw new TaxonomyException("taxonomy classpath:" + resource + ": its model '" + modelResource
                        + "' is not on the class path");
            }
            return withModel(taxonomy, TopicModelFile.read(in), "classpath:" + modelResource);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read model resource '" + modelResource + "': " + e.getMessage(), e);
        }
    }

    private Taxonomy rules(String resource) {
        try (InputStream in = classLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new TaxonomyException("taxonomy resource '" + resource + "' not found on the class path");
            }
            return parse(in, "classpath:" + resource);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read taxonomy resource '" + resource + "': " + e.getMessage(), e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader == null ? TaxonomyLoader.class.getClassLoader() : loader;
    }

    /** Loads a taxonomy from a file. */
    public Taxonomy loadFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TaxonomyException("taxonomy file " + file.toAbsolutePath() + " does not exist or is not a file");
        }
        Taxonomy taxonomy;
        try {
            taxonomy = parse(Files.readString(file), file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new TaxonomyException("cannot read taxonomy file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (taxonomy.origin().model() == null) {
            return taxonomy;
        }
        Path modelFile = file.toAbsolutePath().resolveSibling(taxonomy.origin().model());
        try (InputStream in = Files.newInputStream(modelFile)) {
            return withModel(taxonomy, TopicModelFile.read(in), modelFile.toString());
        } catch (IOException e) {
            throw new TaxonomyException("taxonomy " + file.toAbsolutePath() + ": cannot read its model " + modelFile
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The taxonomy decided by {@code model}, which must have been trained for this very taxonomy version (it reads
     * the rules by id): a model left behind by a rule change is refused, not applied to rules it does not know.
     */
    private static Taxonomy withModel(Taxonomy taxonomy, TopicModel model, String modelSource) {
        if (!taxonomy.version().equals(model.taxonomyVersion())) {
            throw new TaxonomyException("taxonomy " + taxonomy.origin().source() + " (version " + taxonomy.version()
                    + "): its model " + modelSource + " was trained for taxonomy version " + model.taxonomyVersion()
                    + "; retrain it (./newsroom train) or remove 'model' to let the rules alone decide");
        }
        Set<String> topicIds = new HashSet<>();
        taxonomy.topics().forEach(topic -> topicIds.add(topic.id()));
        for (TopicModel.TopicWeights topic : model.topics()) {
            if (!topicIds.contains(topic.topic())) {
                throw new TaxonomyException("taxonomy " + taxonomy.origin().source() + ": its model " + modelSource
                        + " has topic '" + topic.topic() + "', which the taxonomy does not have");
            }
        }
        return taxonomy.withModel(model);
    }

    /** Parses YAML text; {@code source} names it in error messages, which also give the line of the bad node. */
    public Taxonomy parse(String yamlText, String source) {
        JsonNode root;
        try {
            root = yaml.readTree(yamlText);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                    : " (line " + e.getLocation().getLineNr() + ")";
            throw new TaxonomyException("taxonomy " + source + " is not valid YAML" + line + ": "
                    + e.getOriginalMessage(), e);
        }
        return fromTree(root, source, YamlLines.of(yamlText));
    }

    /** Parses a YAML stream (UTF-8); {@code source} names it in error messages. */
    public Taxonomy parse(InputStream in, String source) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    }

    private Taxonomy fromTree(JsonNode root, String source, YamlLines lines) {
        if (root == null || !root.isObject()) {
            throw new TaxonomyException("taxonomy " + source + " must be a YAML mapping with 'version' and 'topics'");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!TAXONOMY_FIELDS.contains(field)) {
                throw new TaxonomyException("taxonomy " + source + ": unknown top-level field '" + field
                        + "'" + lines.at("/" + field) + " (expected " + TAXONOMY_FIELDS + ")");
            }
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isValueNode() || version.asText().isBlank()) {
            throw new TaxonomyException("taxonomy " + source + ": top-level 'version' is missing or empty");
        }
        JsonNode model = root.get("model");
        if (model != null && (!model.isTextual() || !MODEL_FILE.matcher(model.asText()).matches())) {
            throw new TaxonomyException("taxonomy " + source + ": 'model'" + lines.at("/model")
                    + " must name a .json file beside the taxonomy (e.g. topic-model.json)");
        }
        JsonNode topicsNode = root.get("topics");
        if (topicsNode == null || !topicsNode.isArray() || topicsNode.isEmpty()) {
            throw new TaxonomyException("taxonomy " + source + ": 'topics' must be a non-empty list");
        }
        List<TopicDefinition> topics = new ArrayList<>();
        Set<String> topicIds = new HashSet<>();
        Map<String, Integer> ruleLines = new HashMap<>();
        int index = 0;
        for (JsonNode topicNode : topicsNode) {
            TopicDefinition topic = readTopic(topicNode, index, source, lines);
            if (!topicIds.add(topic.id())) {
                throw new TaxonomyException("taxonomy " + source + ": topic '" + topic.id() + "'"
                        + lines.at("/topics/" + index) + " is defined twice");
            }
            for (int r = 0; r < topic.rules().size(); r++) {
                ruleLines.put(topic.ruleId(topic.rules().get(r)), lines.line("/topics/" + index + "/rules/" + r));
            }
            topics.add(topic);
            index++;
        }
        return new Taxonomy(version.asText(), topics,
                new Taxonomy.Origin(source, ruleLines, model == null ? null : model.asText()));
    }

    private TopicDefinition readTopic(JsonNode node, int index, String source, YamlLines lines) {
        String pointer = "/topics/" + index;
        String where = "taxonomy " + source + ": topic #" + (index + 1) + lines.at(pointer);
        if (!node.isObject()) {
            throw new TaxonomyException(where + " must be a mapping");
        }
        String id = textOrNull(node.get("id"));
        if (id == null || !ID.matcher(id).matches()) {
            throw new TaxonomyException(where + ": 'id' must be lower-case words joined by '-' (got '" + id + "')");
        }
        where = "taxonomy " + source + ": topic '" + id + "'" + lines.at(pointer);
        JsonNode rulesNode = node.get("rules");
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            throw new TaxonomyException(where + ": 'rules' must be a non-empty list");
        }
        List<RuleDefinition> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int ruleIndex = 0;
        for (JsonNode ruleNode : rulesNode) {
            String rulePointer = pointer + "/rules/" + ruleIndex;
            RuleDefinition rule = readRule(ruleNode, id, ruleIndex++, source, lines.at(rulePointer));
            if (!names.add(rule.name())) {
                throw new TaxonomyException("taxonomy " + source + ": rule '" + id + "." + rule.name()
                        + "'" + lines.at(rulePointer) + " is defined twice");
            }
            rules.add(rule);
        }
        TopicDefinition topic;
        try {
            ObjectNode withoutRules = ((ObjectNode) node).deepCopy();
            withoutRules.remove("rules");
            topic = yaml.convertValue(withoutRules, TopicHeader.class).toTopic(rules);
        } catch (IllegalArgumentException e) {
            throw new TaxonomyException(where + ": " + rootMessage(e), e);
        }
        if (!(topic.threshold() > 0)) {
            throw new TaxonomyException(where + ": 'threshold' must be greater than 0 (got " + topic.threshold() + ")");
        }
        if (topic.label() == null || topic.label().isBlank()) {
            throw new TaxonomyException(where + ": 'label' is missing or empty");
        }
        if (rules.stream().noneMatch(rule -> rule.kind().scores())) {
            throw new TaxonomyException(where + ": needs at least one terms, near or require rule");
        }
        return topic;
    }

    private RuleDefinition readRule(JsonNode node, String topicId, int index, String source, String line) {
        String name = node.isObject() ? textOrNull(node.get("name")) : null;
        String ruleId = topicId + "." + (name == null ? "#" + (index + 1) : name);
        String where = "taxonomy " + source + ": rule '" + ruleId + "'" + line;
        if (!node.isObject()) {
            throw new TaxonomyException(where + " must be a mapping");
        }
        if (name == null || !ID.matcher(name).matches()) {
            throw new TaxonomyException(where + ": 'name' must be lower-case words joined by '-' (got '" + name + "')");
        }
        RuleDefinition rule;
        try {
            rule = yaml.treeToValue(node, RuleDefinition.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new TaxonomyException(where + ": " + rootMessage(e), e);
        }
        validate(rule, where);
        return rule;
    }

    private static void validate(RuleDefinition rule, String where) {
        if (rule.terms().isEmpty()) {
            throw new TaxonomyException(where + ": 'terms' must list at least one word or phrase");
        }
        checkTerms(rule.terms(), "terms", where);
        checkTerms(rule.near(), "near", where);
        if (rule.kind() == RuleKind.NEAR && rule.near().isEmpty()) {
            throw new TaxonomyException(where + ": a near rule needs 'near' (the second term set) and 'within'");
        }
        if (rule.kind() == RuleKind.TERMS && (rule.isProximity() || rule.within() != null)) {
            throw new TaxonomyException(where + ": a terms rule takes no 'near'/'within'; use kind: near");
        }
        if (rule.isProximity() && (rule.within() == null || rule.within() < 0)) {
            throw new TaxonomyException(where + ": 'within' (number of words, 0 or more) is required with 'near'");
        }
        if (rule.isProximity() && rule.within() > ArticleDocument.MAX_WITHIN) {
            throw new TaxonomyException(where + ": 'within' is at most " + ArticleDocument.MAX_WITHIN + " words (got "
                    + rule.within() + ")");
        }
        if (!rule.isProximity() && rule.within() != null) {
            throw new TaxonomyException(where + ": 'within' is only allowed together with 'near'");
        }
        if (rule.kind().scores() && !(rule.effectiveWeight() > 0)) {
            throw new TaxonomyException(where + ": 'weight' must be greater than 0 (got " + rule.effectiveWeight() + ")");
        }
    }

    private static void checkTerms(List<String> terms, String field, String where) {
        for (String term : terms) {
            if (term == null || term.isBlank()) {
                throw new TaxonomyException(where + ": '" + field + "' contains an empty term");
            }
            if (!PREFIX_STARS.matcher(term.strip()).matches()) {
                throw new TaxonomyException(where + ": term '" + term + "' has a '*' that does not end a word "
                        + "(a '*' may only end a word, as in 'blockad*' or 'food shortage*')");
            }
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.getNodeType() != JsonNodeType.STRING ? null : node.asText();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /** A topic without its rules, read by Jackson so that unknown or mistyped fields are reported. */
    private record TopicHeader(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "label", required = true) String label,
            @JsonProperty(value = "threshold", required = true) Double threshold) {

        TopicDefinition toTopic(List<RuleDefinition> rules) {
            return new TopicDefinition(id, label, threshold == null ? Double.NaN : threshold, rules);
        }
    }
}
