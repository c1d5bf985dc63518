package org.oriundos.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oriundos.transform.category.CategoryMap;
import org.oriundos.transform.consulate.Consulates;
import org.oriundos.transform.geography.GeographyAliases;
import org.oriundos.transform.geography.GeographyCatalog;
import org.oriundos.transform.geography.MigrationIntensity;
import org.oriundos.transform.geography.MunicipalityHistory;
import org.oriundos.transform.geography.MunicipalityResolver;
import org.oriundos.transform.geography.PlaceCorrections;
import org.oriundos.transform.geography.StateResolver;
import org.oriundos.transform.geography.UsStateResolver;
import org.oriundos.transform.geography.Municipality;
import org.oriundos.transform.identity.AssociationNames;
import org.oriundos.transform.identity.AssociationOverrides;
import org.oriundos.transform.identity.LinkageModel;
import org.oriundos.transform.money.MoneyConverter;
import org.oriundos.transform.money.MoneyReference;

/**
 * Everything a run conforms with, loaded once: the shipped catalogs, series and maps, the
 * analyst's files, the base year; and the fingerprint of all of it, which changes whenever any
 * of it does (or the rules' version below).
 */
final class ReferenceData {
    /** Bump when a rule's code changes what it produces, so every partition is conformed again. */
    // 2: municipalities by former names, short forms, districts, splits; 3: record-level place corrections;
    // 4: remittances, migration intensity; 5: the association linkage model; 6: place words of a name do not
    // count when the US states disagree; 7: a project tied between namesake clubs joins the one its year's other
    // projects say it is, and a candidate known without a hometown is compared as of the hometown its name carries;
    // 8: a group of a year's records never joins an association the first pass found one of its records apart from,
    // and one that two associations can take alike joins neither; 9: every unresolved value carries its reason's
    // code (UnresolvedReason), so a lake conformed before lists its values again with one; 10: a typo of the shared
    // hometown's word weighs nothing in a pair's name level, as the word written right does
    static final String RULES_VERSION = "conform-rules-10";

    private static final List<String> RESOURCES = java.util.stream.Stream.concat(java.util.stream.Stream.of(
                    GeographyCatalog.MUNICIPALITIES_RESOURCE, GeographyCatalog.US_STATES_RESOURCE,
                    GeographyAliases.DEFAULT_RESOURCE, MoneyReference.INPC_RESOURCE, MoneyReference.FIX_RESOURCE,
                    CategoryMap.RESOURCE, Consulates.RESOURCE, MigrationIntensity.RESOURCE,
                    org.oriundos.transform.identity.PlaceNames.DEMONYMS_RESOURCE),
            MunicipalityHistory.resources().stream()).toList();

    final GeographyCatalog catalog;
    final StateResolver states;
    final MunicipalityResolver municipalities;
    final MigrationIntensity migrationIntensity;
    final UsStateResolver usStates;
    final PlaceCorrections placeCorrections;
    final MoneyReference money;
    final MoneyConverter converter;
    final CategoryMap categories;
    final Consulates consulates;
    final AssociationOverrides overrides;
    final LinkageModel linkageModel;
    /** The words of every municipality's name, by INEGI key: a name made of its hometown's words says little. */
    final Map<String, List<String>> hometownWords;
    final String fingerprint;

    ReferenceData(ConformOptions options) {
        catalog = GeographyCatalog.shipped();
        GeographyAliases aliases = GeographyAliases.load(catalog, options.geographyAliases());
        states = new StateResolver(catalog, aliases);
        municipalities = new MunicipalityResolver(catalog, aliases, states, MunicipalityHistory.shipped(catalog));
        usStates = new UsStateResolver(catalog, aliases);
        placeCorrections = PlaceCorrections.load(catalog, options.placeCorrections());
        migrationIntensity = MigrationIntensity.shipped(catalog);
        money = MoneyReference.shipped();
        converter = new MoneyConverter(money, options.baseYear());
        categories = CategoryMap.shipped();
        consulates = Consulates.shipped();
        overrides = AssociationOverrides.load(options.associationOverrides());
        linkageModel = LinkageModel.load(options.linkageModel());
        Map<String, List<String>> words = new HashMap<>();
        for (Municipality m : catalog.municipalities()) {
            words.put(m.key(), AssociationNames.words(m.name()));
        }
        hometownWords = Map.copyOf(words);
        fingerprint = fingerprint(options, linkageModel);
    }

    /**
     * The fingerprint the reference data of {@code options} would have, without building its
     * resolvers and indexes: what a check of whether the conformed zone is current needs (the
     * inbox scan makes it twice a night). Files that changed since they were last checked give
     * another fingerprint, so the conform that follows loads and checks them.
     */
    static String fingerprint(ConformOptions options) {
        return fingerprint(options, LinkageModel.load(options.linkageModel()));
    }

    private static String fingerprint(ConformOptions options, LinkageModel linkageModel) {
        Fingerprints f = new Fingerprints()
                .add("rules", RULES_VERSION)
                .add("base_year", Integer.toString(options.baseYear()))
                .add("linkage_model", linkageModel.bytes());
        for (String r : RESOURCES) {
            f.add(r, resourceBytes(r));
        }
        f.add("geography_aliases", fileBytes(options.geographyAliases()));
        f.add("association_overrides", fileBytes(options.associationOverrides()));
        f.add("place_corrections", fileBytes(options.placeCorrections()));
        return f.hex16();
    }

    private static byte[] resourceBytes(String name) {
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the transform module");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static byte[] fileBytes(Path file) {
        if (file == null || !Files.exists(file)) {
            return new byte[0];
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
