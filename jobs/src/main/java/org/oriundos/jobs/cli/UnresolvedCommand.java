package org.oriundos.jobs.cli;

import org.oriundos.jobs.analyst.UnresolvedListing;
import org.oriundos.jobs.home.Settings;
import org.oriundos.transform.UnresolvedRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code oriundos unresolved}: what transform could not resolve, with the records and the fix. */
@Command(name = "unresolved", customSynopsis = "oriundos unresolved [--home DIR]",
        header = "the values transform could not resolve (places, associations), with their records",
        description = """
            Lists the values the transform stage could not resolve (a state or municipality name it
            does not know, an association it could not identify), each with the file and line it
            came from, its record (a project's folio, title and club; a registry organization and
            its name), the reason, and the municipalities the record's title names. Fix a name
            everywhere in <home>/conf/geography_aliases.csv, one record in place_corrections.csv (by
            its folio: a locality's name then moves no other project), an association in
            association_overrides.csv; then run 'oriundos nightly' (it notices the edited files and
            conforms again).""")
final class UnresolvedCommand extends HomeCommand {
    @Mixin
    private LakeOption lake;

    UnresolvedCommand(CommandIo io) {
        super(io);
    }

    @Override
    protected String lake() {
        return lake.uri();
    }

    @Override
    protected int run(Settings s) {
        io.out().print(UnresolvedListing.render(new UnresolvedRecords(s.dataHome().lake()).list(), s.dataHome().conf()));
        return ExitCode.OK;
    }
}
