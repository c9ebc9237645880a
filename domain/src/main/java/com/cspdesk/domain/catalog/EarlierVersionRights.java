package com.cspdesk.domain.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Anchor facts "Product keys and download links": buying a version also entitles to keys and downloads of the family's earlier versions (SQL Server 2022 gives 2022, 2019 and 2017).
 *
 * <p>Earlier means earlier in the family's version list ({@link ProductFamily#versionsOldestFirst()}),
 * which is catalog data: to stop the rights at some old version, leave it out of the family.
 */
public final class EarlierVersionRights {

    /** The versions a purchase of {@code sku} entitles to, newest (the purchased one) first. */
    public List<SoftwareVersion> entitledVersions(SoftwareSku sku) {
        List<SoftwareVersion> versions = sku.family().versionsOldestFirst();
        List<SoftwareVersion> entitled = new ArrayList<>(versions.subList(0, sku.family().positionOf(sku.version()) + 1));
        Collections.reverse(entitled);
        return List.copyOf(entitled);
    }

    /** Whether a purchase of {@code sku} entitles to {@code version}. */
    public boolean entitles(SoftwareSku sku, SoftwareVersion version) {
        return entitledVersions(sku).contains(version);
    }
}
