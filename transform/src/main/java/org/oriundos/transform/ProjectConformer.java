package org.oriundos.transform;

import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.ingest.sedesol.ProjectRecord;
import org.oriundos.transform.category.CategoryMatch;
import org.oriundos.transform.identity.AssociationRecord;
import org.oriundos.transform.money.MissingReferenceDataException;
import org.oriundos.transform.money.MoneyConverter;

/** 3x1 projects: INEGI codes, one of the fourteen categories, the club's association, money three ways. */
final class ProjectConformer implements RowConformer {
    private final ReferenceData ref;
    private final Places places;

    ProjectConformer(ReferenceData ref) {
        this.ref = ref;
        this.places = new Places(ref);
    }

    @Override
    public TableSchema target() {
        return ConformedTables.PROJECT;
    }

    @Override
    public void conform(Object[] raw, PartitionOutput out) {
        ProjectRecord p = RawTables.PROJECTS_ROWS.fromRow(raw);
        boolean oldLayout = "2002".equals(p.layout());

        Places.Place place = places.place(raw, p.folio(), p.stateCode(), p.stateName(),
                oldLayout ? "ESTADO" : "CVE_ENT/NOM_ENT", p.municipalityCode(), p.municipalityName(),
                oldLayout ? "MUNICIPIO" : "CVE_MUN/NOM_MUN", out);

        CategoryMatch category = ref.categories.categorize(p.category(), p.workType());
        if (!category.matched()) {
            boolean byCategoria = p.category() != null && !p.category().isBlank();
            String why = (byCategoria ? "not one of the fourteen categories, and " : "")
                    + "no keyword of reference/category_keywords.csv matches it; filed as OTRO";
            out.unresolved(raw, byCategoria ? "CATEGORIA" : "TIPO_OBRA", byCategoria ? p.category() : p.workType(),
                    p.projectName(), (byCategoria ? UnresolvedReason.NOT_A_CATEGORY
                            : UnresolvedReason.WORK_TYPE_NOT_MATCHED).because(why));
        }

        String clubUsState = places.usState(raw, p.clubUsState(), "ESTADO_EUA", p.clubName(), out);
        // the project's municipality is the club's hometown (docs/conform.md)
        String associationId = out.linkAssociation(raw, new AssociationRecord(RawTables.PROJECTS.name(),
                out.partition().period(), p.folio(), p.clubName(), place.stateCode(), place.municipalityKey(),
                clubUsState, null, null, p.federation(), null, null, p.clubKey()));

        int year = p.fiscalYear();
        long total = p.federalMxn() + p.stateMxn() + p.municipalMxn() + p.migrantMxn() + p.otherMxn();
        MoneyConverter money = ref.converter;
        ConformedProject row;
        try {
            row = new ConformedProject(p.fiscalYear(), p.folio(), p.layout(), place.stateCode(),
                    place.municipalityKey(), place.rule().name(), p.locality(), p.projectName(), category.category(),
                    category.rule(), p.workType(), associationId, p.clubKey(), p.clubName(), p.federation(),
                    clubUsState, p.status(), p.approvedDate(), p.beneficiaries(),
                    p.federalMxn(), p.stateMxn(), p.municipalMxn(), p.migrantMxn(), p.otherMxn(), total,
                    money.baseYear(),
                    money.constantPesos(p.federalMxn(), year), money.constantPesos(p.stateMxn(), year),
                    money.constantPesos(p.municipalMxn(), year), money.constantPesos(p.migrantMxn(), year),
                    money.constantPesos(p.otherMxn(), year), money.constantPesos(total, year),
                    money.dollars(p.federalMxn(), year), money.dollars(p.stateMxn(), year),
                    money.dollars(p.municipalMxn(), year), money.dollars(p.migrantMxn(), year),
                    money.dollars(p.otherMxn(), year), money.dollars(total, year));
        } catch (MissingReferenceDataException e) {
            throw new MissingReferenceDataException(e.year(), e.getMessage() + "; the amounts of " + p.folio()
                    + " at " + out.where(raw) + " are of " + year, e);
        }
        out.write(ConformedTables.PROJECT_ROWS.toRow(row, raw));
    }
}
