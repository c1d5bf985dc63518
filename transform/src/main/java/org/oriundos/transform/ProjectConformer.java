package org.oriundos.transform;

import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.category.CategoryMatch;
import org.oriundos.transform.identity.AssociationRecord;
import org.oriundos.transform.money.MissingReferenceDataException;

/** 3x1 projects: INEGI codes, one of the fourteen categories, the club's association, money three ways. */
final class ProjectConformer implements RowConformer {
    private static final TableSchema RAW = RawTables.PROJECTS;
    private static final TableSchema OUT = ConformedTables.PROJECT;
    private static final String[] AMOUNTS = {"federal", "state", "municipal", "migrant", "other"};

    private final ReferenceData ref;
    private final Places places;

    ProjectConformer(ReferenceData ref) {
        this.ref = ref;
        this.places = new Places(ref);
    }

    @Override
    public TableSchema target() {
        return OUT;
    }

    @Override
    public void conform(Object[] raw, PartitionOutput out) {
        Object[] row = RowConformer.rowWithSameNames(RAW, raw, OUT);
        boolean oldLayout = "2002".equals(raw[RAW.indexOf("layout")]);

        Places.Place place = places.place(raw, (String) raw[RAW.indexOf("folio")], (String) raw[RAW.indexOf("state_code")],
                (String) raw[RAW.indexOf("state_name")], oldLayout ? "ESTADO" : "CVE_ENT/NOM_ENT",
                (String) raw[RAW.indexOf("municipality_code")], (String) raw[RAW.indexOf("municipality_name")],
                oldLayout ? "MUNICIPIO" : "CVE_MUN/NOM_MUN", out);
        row[OUT.indexOf("state_code")] = place.stateCode();
        row[OUT.indexOf("municipality_key")] = place.municipalityKey();
        row[OUT.indexOf("geo_rule")] = place.rule().name();

        String categoria = (String) raw[RAW.indexOf("category")];
        String workType = (String) raw[RAW.indexOf("work_type")];
        CategoryMatch category = ref.categories.categorize(categoria, workType);
        row[OUT.indexOf("category")] = category.category();
        row[OUT.indexOf("category_rule")] = category.rule();
        if (!category.matched()) {
            boolean byCategoria = categoria != null && !categoria.isBlank();
            out.unresolved(raw, byCategoria ? "CATEGORIA" : "TIPO_OBRA", byCategoria ? categoria : workType,
                    (String) raw[RAW.indexOf("project_name")],
                    (byCategoria ? "not one of the fourteen categories, and " : "")
                            + "no keyword of reference/category_keywords.csv matches it; filed as OTRO");
        }

        String clubName = (String) raw[RAW.indexOf("club_name")];
        String folio = (String) raw[RAW.indexOf("folio")];
        String clubUsState = places.usState(raw, (String) raw[RAW.indexOf("club_us_state")], "ESTADO_EUA", clubName, out);
        row[OUT.indexOf("club_us_state_code")] = clubUsState;
        // the project's municipality is the club's hometown (docs/conform.md)
        row[OUT.indexOf("association_id")] = out.linkAssociation(raw, new AssociationRecord(RAW.name(),
                out.partition().period(), folio, clubName, place.stateCode(), place.municipalityKey(), clubUsState,
                null, null, (String) raw[RAW.indexOf("federation")], null, null, (String) raw[RAW.indexOf("club_key")]));

        int year = (Integer) raw[RAW.indexOf("fiscal_year")];
        row[OUT.indexOf("base_year")] = ref.converter.baseYear();
        long total = 0;
        try {
            for (String a : AMOUNTS) {
                long nominal = (Long) raw[RAW.indexOf(a + "_mxn")];
                total += nominal;
                row[OUT.indexOf(a + "_mxn_const")] = ref.converter.constantPesos(nominal, year);
                row[OUT.indexOf(a + "_usd")] = ref.converter.dollars(nominal, year);
            }
            row[OUT.indexOf("total_mxn")] = total;
            row[OUT.indexOf("total_mxn_const")] = ref.converter.constantPesos(total, year);
            row[OUT.indexOf("total_usd")] = ref.converter.dollars(total, year);
        } catch (MissingReferenceDataException e) {
            throw new MissingReferenceDataException(e.year(), e.getMessage() + "; the amounts of " + folio
                    + " at " + out.where(raw) + " are of " + year, e);
        }
        out.write(row);
    }
}
