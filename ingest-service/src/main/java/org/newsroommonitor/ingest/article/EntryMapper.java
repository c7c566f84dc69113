package org.newsroommonitor.ingest.article;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jdom2.Element;
import org.newsroommonitor.ingest.parse.JsonFeedItem;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleSource;
import org.newsroommonitor.messages.Enclosure;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a Rome feed entry (RSS, Atom, or JSON Feed as {@code FeedParser} reads it) to the {@link Article} of
 * {@code docs/messages.md}, as revision 1; whether and as which revision it is published is for
 * {@link ArticleRevisions} to say.
 */
@ApplicationScoped
public class EntryMapper {

    private static final Logger LOG = Logger.getLogger(EntryMapper.class);
    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";

    private final LanguageDetection languages;

    /** Without language detection: an article has the language its feed declares, or none. */
    public EntryMapper() {
        this(null);
    }

    @Inject
    public EntryMapper(LanguageDetection languages) {
        this.languages = languages;
    }

    /**
     * The articles of the entries of {@code feed}, first seen {@code now}, in feed order. Entries are told apart as
     * {@link ArticleId} says: by their link, unless several entries of this feed with different guids (or, without
     * guids, different titles or dates) share it; then by link and guid (or link, title and date). Entries that still
     * get the same id (a feed listing one item twice) are merged into the first and counted. An entry that cannot be
     * read, or that has nothing to identify it by, is counted as unusable (and logged), not mapped.
     */
    public Mapped mapAll(SyndFeed feed, String feedUrl, Instant now) {
        List<SyndEntry> entries = feed.getEntries();
        List<Identity> identities = new ArrayList<>(entries.size());
        for (SyndEntry entry : entries) {
            try {
                identities.add(Identity.of(entry, feed, feedUrl));
            } catch (RuntimeException e) {
                identities.add(null);
                LOG.warnf(e, "Feed %s: entry '%s' could not be read", feedUrl, entry.getTitle());
            }
        }
        Set<String> sharedLinks = sharedLinks(identities);
        Map<String, Article> byId = new LinkedHashMap<>();
        int unusable = 0;
        int merged = 0;
        int toldApart = 0;
        for (int i = 0; i < entries.size(); i++) {
            Identity identity = identities.get(i);
            boolean shared = identity != null && sharedLinks.contains(identity.canonicalUrl());
            String id = identity == null ? null : identity.id(shared, feedUrl);
            if (id == null) {
                unusable++;
            } else if (byId.containsKey(id)) {
                merged++;
            } else {
                try {
                    byId.put(id, build(entries.get(i), identity, id, feed, feedUrl, now, now));
                    toldApart += shared ? 1 : 0;
                } catch (RuntimeException e) {
                    unusable++;
                    LOG.warnf(e, "Feed %s: entry '%s' could not be read", feedUrl, entries.get(i).getTitle());
                }
            }
        }
        return new Mapped(List.copyOf(byId.values()), unusable, merged, toldApart);
    }

    /**
     * The entries of a feed as articles.
     *
     * @param articles  an article for each distinct usable entry, in feed order
     * @param unusable  entries that could not be read, or with nothing (link, guid, title, text) to identify them by
     * @param merged    entries with the same id as an earlier entry of the feed, merged into it (not published)
     * @param toldApart entries sharing their link with other entries of the feed, told apart by guid or content
     */
    public record Mapped(List<Article> articles, int unusable, int merged, int toldApart) {
    }

    /**
     * The canonical links that several entries of one feed share although they are different entries (other guids,
     * or without guids other titles or dates).
     */
    private static Set<String> sharedLinks(List<Identity> identities) {
        Map<String, Set<String>> keysByLink = new HashMap<>();
        for (Identity identity : identities) {
            if (identity != null && identity.canonicalUrl() != null) {
                keysByLink.computeIfAbsent(identity.canonicalUrl(), link -> new HashSet<>()).add(identity.entryKey());
            }
        }
        Set<String> shared = new HashSet<>();
        keysByLink.forEach((link, keys) -> {
            if (keys.size() > 1) {
                shared.add(link);
            }
        });
        return shared;
    }

    /**
     * One entry on its own, as if its link were its own (for a whole feed, {@link #mapAll} also tells apart entries
     * that share a link).
     *
     * @param entry     the entry (parsed with the wire feed preserved, so that the real guid can be read)
     * @param feed      the feed the entry is in
     * @param feedUrl   the feed's URL as configured
     * @param firstSeen when the entry was first seen (now, for an entry never seen before)
     * @param now       the current time, to recognise dates in the future
     * @return the article, or nothing when the entry has nothing (link, guid, title or text) to identify it by
     */
    public Optional<Article> map(SyndEntry entry, SyndFeed feed, String feedUrl, Instant firstSeen,
            Instant now) {
        Identity identity = Identity.of(entry, feed, feedUrl);
        String id = identity.id(false, feedUrl);
        return id == null ? Optional.empty()
                : Optional.of(build(entry, identity, id, feed, feedUrl, firstSeen, now));
    }

    /**
     * What can identify an entry.
     *
     * @param guid         its guid, or {@code null}
     * @param url          its usable link, absolute, or {@code null}
     * @param canonicalUrl that link canonicalised, or {@code null}
     * @param date         its published date, else its updated date, as the feed gives it; or {@code null}
     * @param title        its title as plain text
     * @param text         the start of its text (else its summary) as plain text
     */
    private record Identity(String guid, String url, String canonicalUrl, Instant date, String title, String text) {

        private static final int TEXT_IN_ID = 500;

        static Identity of(SyndEntry entry, SyndFeed feed, String feedUrl) {
            String url = usableLink(entry, feed, feedUrl);
            Instant date = instantOf(entry.getPublishedDate());
            String text = textOf(entry);
            if (text.isEmpty() && entry.getDescription() != null) {
                text = PlainText.fromContent(entry.getDescription().getValue(), entry.getDescription().getType());
            }
            return new Identity(guidOf(entry), url, url == null ? null : UrlCanonicalizer.canonicalize(url),
                    date != null ? date : instantOf(entry.getUpdatedDate()), Objects.toString(titleOf(entry), ""),
                    text.substring(0, Math.min(text.length(), TEXT_IN_ID)));
        }

        /** What tells this entry from another with the same link: its guid, else its date and title (or text). */
        String entryKey() {
            return guid != null ? "guid:" + guid : "content:" + ArticleId.ofContent("", date, title, text);
        }

        /** The article id (see {@link ArticleId}); {@code null} when there is nothing to identify the entry by. */
        String id(boolean linkShared, String feedUrl) {
            if (canonicalUrl != null) {
                if (!linkShared) {
                    return ArticleId.ofCanonicalUrl(canonicalUrl);
                }
                return guid != null ? ArticleId.ofLinkAndGuid(canonicalUrl, guid)
                        : ArticleId.ofContent(canonicalUrl, date, title, text);
            }
            if (guid != null) {
                return ArticleId.ofGuid(guid);
            }
            return title.isBlank() && text.isBlank() ? null : ArticleId.ofContent(feedUrl, date, title, text);
        }
    }

    private static String titleOf(SyndEntry entry) {
        return entry.getTitleEx() != null
                ? PlainText.fromContent(entry.getTitleEx().getValue(), entry.getTitleEx().getType())
                : PlainText.fromHtml(entry.getTitle());
    }

    private Article build(SyndEntry entry, Identity identity, String id, SyndFeed feed, String feedUrl,
            Instant firstSeen, Instant now) {
        String guid = identity.guid();
        String url = identity.url();
        String canonicalUrl = identity.canonicalUrl();
        String title = identity.title();
        String summary = entry.getDescription() == null ? ""
                : PlainText.fromContent(entry.getDescription().getValue(), entry.getDescription().getType());
        String text = textOf(entry);
        if (text.isEmpty()) {
            text = summary;
        }

        Instant published;
        String publishedSource;
        Instant feedPublished = instantOf(entry.getPublishedDate());
        Instant feedUpdated = instantOf(entry.getUpdatedDate());
        if (feedPublished != null && !feedPublished.isAfter(now)) {
            published = feedPublished;
            publishedSource = Article.PUBLISHED_FROM_FEED;
        } else if (feedUpdated != null && !feedUpdated.isAfter(now)) {
            published = feedUpdated;
            publishedSource = Article.UPDATED_FROM_FEED;
        } else {
            published = firstSeen;
            publishedSource = Article.FIRST_SEEN;
        }

        ArticleSource source = new ArticleSource(feedUrl, blankToNull(PlainText.fromHtml(feed.getTitle())),
                siteUrlOf(feed));

        String language = LanguageCodes.toIso6391(feed.getLanguage());
        if (language == null && languages != null) {
            language = languages.detect(title + ". " + text);
        }
        String site = absoluteHttpUrl(siteUrlOf(feed), feedUrl, feedUrl);
        String base = url != null ? url : site != null ? site : feedUrl;
        String summaryHtml = entry.getDescription() == null ? ""
                : SafeHtml.fromContent(entry.getDescription().getValue(), entry.getDescription().getType(), base);
        List<Enclosure> enclosures = enclosuresOf(entry, base);

        return new Article(Article.SCHEMA_VERSION, id, 1, url, canonicalUrl, guid, title,
                summary, text, published, publishedSource, firstSeen, language,
                authorsOf(entry), categoriesOf(entry), List.of(source),
                ArticleRevisions.contentHashOf(title, summary, text), summaryHtml,
                imageOf(entry, enclosures, base), enclosures);
    }

    /**
     * The entry's own guid (RSS) or id (Atom), from the wire entry when Rome kept it: Rome's {@code uri} falls back
     * to the link when an RSS item has no guid, which is not a guid.
     */
    static String guidOf(SyndEntry entry) {
        Object wire = entry.getWireEntry();
        String guid;
        if (wire instanceof Item item) {
            guid = item.getGuid() == null ? null : item.getGuid().getValue();
        } else if (wire instanceof Entry atomEntry) {
            guid = atomEntry.getId();
        } else if (wire instanceof JsonFeedItem jsonItem) {
            guid = jsonItem.id();
        } else {
            guid = entry.getUri();
        }
        return blankToNull(guid == null ? null : guid.strip());
    }

    /**
     * The entry's link made absolute (against the feed's site link, else the feed URL), if it is an http or https
     * URL with a host; else its first alternate link that is; else {@code null}.
     */
    static String usableLink(SyndEntry entry, SyndFeed feed, String feedUrl) {
        List<String> candidates = new ArrayList<>();
        candidates.add(entry.getLink());
        for (SyndLink link : entry.getLinks()) {
            if (link.getRel() == null || link.getRel().equals("alternate")) {
                candidates.add(link.getHref());
            }
        }
        for (String candidate : candidates) {
            String absolute = absoluteHttpUrl(candidate, siteUrlOf(feed), feedUrl);
            if (absolute != null) {
                return absolute;
            }
        }
        return null;
    }

    /**
     * The feed's web site: its first alternate link (Rome's {@code SyndFeed#getLink()} can be an Atom feed's
     * {@code rel="self"} link), else its link; {@code null} when it has none.
     */
    static String siteUrlOf(SyndFeed feed) {
        for (SyndLink link : feed.getLinks()) {
            if ((link.getRel() == null || link.getRel().equals("alternate")) && link.getHref() != null
                    && !link.getHref().isBlank()) {
                return link.getHref().strip();
            }
        }
        return blankToNull(feed.getLink() == null ? null : feed.getLink().strip());
    }

    private static String absoluteHttpUrl(String link, String siteUrl, String feedUrl) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = UrlCanonicalizer.parse(link);
            if (!uri.isAbsolute()) {
                URI base = isHttpWithHost(siteUrl) ? UrlCanonicalizer.parse(siteUrl) : UrlCanonicalizer.parse(feedUrl);
                uri = base.resolve(uri);
                link = uri.toString();
            }
            return isHttpWithHost(uri) ? link.strip() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isHttpWithHost(String url) {
        try {
            return url != null && isHttpWithHost(UrlCanonicalizer.parse(url));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHttpWithHost(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    private static List<Enclosure> enclosuresOf(SyndEntry entry, String base) {
        List<Enclosure> enclosures = new ArrayList<>();
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            String href = absoluteHttpUrl(enclosure.getUrl(), base, base);
            if (href != null && enclosures.stream().noneMatch(known -> known.url().equals(href))) {
                String type = enclosure.getType() == null || enclosure.getType().isBlank() ? null
                        : enclosure.getType().strip();
                enclosures.add(new Enclosure(href, type, Math.max(0, enclosure.getLength())));
            }
        }
        return enclosures;
    }

    /**
     * The article's picture: a JSON Feed item's {@code image}, else its {@code banner_image}, else an image
     * enclosure, else a Media RSS thumbnail or image content, else the first image of its HTML; {@code null} when
     * none is an http(s) URL.
     */
    private static String imageOf(SyndEntry entry, List<Enclosure> enclosures, String base) {
        if (entry.getWireEntry() instanceof JsonFeedItem jsonItem) {
            for (String image : new String[] {jsonItem.image(), jsonItem.bannerImage()}) {
                String absolute = absoluteHttpUrl(image, base, base);
                if (absolute != null) {
                    return absolute;
                }
            }
        }
        for (Enclosure enclosure : enclosures) {
            if (enclosure.type() != null && enclosure.type().toLowerCase(Locale.ROOT).startsWith("image/")) {
                return enclosure.url();
            }
        }
        for (Element element : entry.getForeignMarkup()) {
            String image = mediaImage(element, base);
            if (image != null) {
                return image;
            }
        }
        List<String> html = new ArrayList<>();
        if (entry.getDescription() != null) {
            html.add(entry.getDescription().getValue());
        }
        entry.getContents().forEach(content -> html.add(content.getValue()));
        for (String fragment : html) {
            String image = SafeHtml.firstImage(fragment, base);
            if (image != null && absoluteHttpUrl(image, base, base) != null) {
                return absoluteHttpUrl(image, base, base);
            }
        }
        return null;
    }

    private static String mediaImage(Element element, String base) {
        if (!MEDIA_RSS.equals(element.getNamespaceURI())) {
            return null;
        }
        String url = element.getAttributeValue("url");
        boolean image = element.getName().equals("thumbnail")
                || (element.getName().equals("content") && ("image".equals(element.getAttributeValue("medium"))
                || String.valueOf(element.getAttributeValue("type")).startsWith("image/")));
        if (image && url != null) {
            return absoluteHttpUrl(url, base, base);
        }
        for (Element child : element.getChildren()) { // media:group
            String nested = mediaImage(child, base);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static String textOf(SyndEntry entry) {
        List<String> parts = new ArrayList<>();
        for (SyndContent content : entry.getContents()) {
            String part = PlainText.fromContent(content.getValue(), content.getType());
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join(" ", parts);
    }

    private static List<String> authorsOf(SyndEntry entry) {
        Set<String> authors = new LinkedHashSet<>();
        for (SyndPerson person : entry.getAuthors()) {
            addText(authors, person.getName());
        }
        if (entry.getModule(DCModule.URI) instanceof DCModule dublinCore) {
            dublinCore.getCreators().forEach(creator -> addText(authors, creator));
        }
        if (authors.isEmpty()) {
            addText(authors, entry.getAuthor());
        }
        return List.copyOf(authors);
    }

    private static List<String> categoriesOf(SyndEntry entry) {
        Set<String> categories = new LinkedHashSet<>();
        for (SyndCategory category : entry.getCategories()) {
            addText(categories, category.getName());
        }
        return List.copyOf(categories);
    }

    private static void addText(Set<String> values, String value) {
        String text = PlainText.collapse(value);
        if (!text.isEmpty()) {
            values.add(text);
        }
    }

    private static Instant instantOf(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
