package org.newsroommonitor.ingest.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads JSON Feed 1.0 and 1.1 (<a href="https://jsonfeed.org/version/1.1">jsonfeed.org</a>) into the same Rome
 * model the RSS and Atom feeds are read into, so that one entry mapper makes articles of all three:
 * <ul>
 * <li>feed: {@code title}, {@code home_page_url} (the site), {@code language} (1.1);</li>
 * <li>item: {@code id} (the guid; a number is read as text), {@code url} (the link; {@code external_url} when
 *     there is no {@code url}),
 *     {@code title} (plain text), {@code summary} (the description, plain text), {@code content_html} (else
 *     {@code content_text}) as the content, {@code date_published} and {@code date_modified} (RFC 3339),
 *     {@code authors} (1.1) or {@code author} (1.0), else the feed's, {@code tags} as categories,
 *     {@code attachments} as enclosures; {@code image} and {@code banner_image} travel in the
 *     {@link JsonFeedItem} kept as the wire entry.</li>
 * </ul>
 * A value of the wrong type (a number where a string is expected, say) is read as absent, not as an error.
 */
final class JsonFeedReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("^https?://jsonfeed\\.org/version/.*");

    private JsonFeedReader() {
    }

    /** Whether the body starts, after a BOM and whitespace, as a JSON object or array does. */
    static boolean looksLikeJson(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xff;
            if (b == '{' || b == '[') {
                return true;
            }
            boolean skippable = b == ' ' || b == '\t' || b == '\r' || b == '\n'
                    || (i < 3 && (b == 0xef || b == 0xbb || b == 0xbf)); // the UTF-8 byte order mark
            if (!skippable) {
                return false;
            }
        }
        return false;
    }

    /** The JSON Feed in {@code body}, which {@link #looksLikeJson} said starts as JSON. */
    static SyndFeed read(byte[] body) throws FeedParseException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new FeedParseException("the body starts like JSON but is not valid JSON"
                    + (at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new FeedParseException("the body starts like JSON but could not be read: " + e.getMessage(), null);
        }
        String version = root != null && root.isObject() ? text(root, "version") : null;
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new FeedParseException("JSON, but not a JSON Feed (a JSON Feed is an object whose \"version\" is "
                    + "https://jsonfeed.org/version/1 or /version/1.1)", null);
        }
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("json-feed");
        feed.setTitle(text(root, "title"));
        feed.setLink(text(root, "home_page_url"));
        feed.setDescription(text(root, "description"));
        feed.setLanguage(text(root, "language"));
        List<SyndPerson> feedAuthors = authorsOf(root);
        List<SyndEntry> entries = new ArrayList<>();
        JsonNode items = root.get("items");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                if (item.isObject()) {
                    entries.add(entryOf(item, feedAuthors));
                }
            }
        }
        feed.setEntries(entries);
        return feed;
    }

    private static SyndEntry entryOf(JsonNode item, List<SyndPerson> feedAuthors) {
        SyndEntryImpl entry = new SyndEntryImpl();
        JsonNode idNode = item.get("id");
        String id = idNode != null && idNode.isValueNode() && !idNode.isNull() && !idNode.asText().isBlank()
                ? idNode.asText().strip() : null; // 1.1: a number or other type is coerced to a string
        entry.setUri(id);
        String url = text(item, "url");
        entry.setLink(url != null ? url : text(item, "external_url"));
        String title = text(item, "title");
        if (title != null) {
            entry.setTitleEx(content("text", title));
        }
        String summary = text(item, "summary");
        if (summary != null) {
            entry.setDescription(content("text", summary));
        }
        String html = text(item, "content_html");
        String plain = text(item, "content_text");
        if (html != null) {
            entry.setContents(List.of(content("html", html)));
        } else if (plain != null) {
            entry.setContents(List.of(content("text", plain)));
        }
        Date published = dateOf(text(item, "date_published"));
        if (published != null) {
            entry.setPublishedDate(published);
        }
        Date modified = dateOf(text(item, "date_modified"));
        if (modified != null) {
            entry.setUpdatedDate(modified); // Rome copies the date: null is not allowed
        }
        List<SyndPerson> authors = authorsOf(item);
        entry.setAuthors(new ArrayList<>(authors.isEmpty() ? feedAuthors : authors));
        List<SyndCategory> categories = new ArrayList<>();
        JsonNode tags = item.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                if (tag.isTextual() && !tag.asText().isBlank()) {
                    SyndCategory category = new SyndCategoryImpl();
                    category.setName(tag.asText());
                    categories.add(category);
                }
            }
        }
        entry.setCategories(categories);
        List<SyndEnclosure> enclosures = new ArrayList<>();
        JsonNode attachments = item.get("attachments");
        if (attachments != null && attachments.isArray()) {
            for (JsonNode attachment : attachments) {
                String href = attachment.isObject() ? text(attachment, "url") : null;
                if (href != null) {
                    SyndEnclosure enclosure = new SyndEnclosureImpl();
                    enclosure.setUrl(href);
                    enclosure.setType(text(attachment, "mime_type"));
                    JsonNode size = attachment.get("size_in_bytes");
                    enclosure.setLength(size != null && size.canConvertToLong() ? size.asLong() : 0);
                    enclosures.add(enclosure);
                }
            }
        }
        entry.setEnclosures(enclosures);
        entry.setWireEntry(new JsonFeedItem(id, text(item, "image"), text(item, "banner_image")));
        return entry;
    }

    /** {@code authors} (1.1), else {@code author} (1.0): the names, as persons. */
    private static List<SyndPerson> authorsOf(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode authors = node.get("authors");
        if (authors != null && authors.isArray()) {
            authors.forEach(found::add);
        } else if (node.get("author") != null) {
            found.add(node.get("author"));
        }
        List<SyndPerson> persons = new ArrayList<>();
        for (JsonNode author : found) {
            String name = author.isObject() ? text(author, "name") : null;
            if (name != null) {
                SyndPerson person = new SyndPersonImpl();
                person.setName(name);
                person.setUri(text(author, "url"));
                persons.add(person);
            }
        }
        return persons;
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    /** An RFC 3339 date-time, else {@code null}. */
    private static Date dateOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Date.from(OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A string member that is not blank, else {@code null}. */
    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
