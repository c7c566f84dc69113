package org.newsroommonitor.classify.taxonomy;

/** Facts about the bundled taxonomy that tests compare with (its content changes with every rule change). */
public final class BundledTaxonomy {

    /** The version of the bundled taxonomy file. */
    public static final String VERSION = new TaxonomyLoader().loadBundled().version();

    private BundledTaxonomy() {
    }
}
