package org.oriundos.jobs.cli;

import java.util.Locale;
import org.oriundos.ingest.Source;
import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.status.Backfill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oriundos backfill}: the reload of one source's period. */
@Command(name = "backfill", customSynopsis = "oriundos backfill --source SRC --year Y [--home DIR]",
        header = "reload one source's period and republish",
        description = """
            Reloads one period of one source: from a re-delivered file in the inbox if there is one,
            otherwise by conforming it again from the lake; then rebuilds and republishes the
            warehouse. SRC is 3x1 (projects), registry, consular, survey or remittances (Banco de México's
            exports, whose period is their consultation time: Y takes the exports consulted in that year).""")
final class BackfillCommand extends HomeCommand {
    @Mixin
    private LakeOption lake;

    @Option(names = "--source", paramLabel = "SRC", required = true,
            description = "3x1, registry, consular, survey or remittances")
    private String source;

    @Option(names = "--year", paramLabel = "Y", required = true, description = "the period's year")
    private long year;

    @Option(names = "--on-failure", paramLabel = "CMD", description = "a command to run if the load fails")
    private String onFailure;

    BackfillCommand(CommandIo io) {
        super(io);
    }

    @Override
    protected String lake() {
        return lake.uri();
    }

    @Override
    protected int run(Settings settings) throws Exception {
        Source period = source(source);
        long y = within("--year", year, 1900, 2100);
        return new LoadRun(io.out(), io.err()).nightly(settings, false, new Backfill(period.tableName(), Long.toString(y)),
                onFailure);
    }

    private static Source source(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "3x1":
            case "projects":
                return Source.PROJECTS;
            case "registry":
            case "ime":
                return Source.REGISTRY;
            case "consular":
            case "consular_activity":
            case "consulados":
                return Source.CONSULAR_ACTIVITY;
            case "survey":
                return Source.SURVEY;
            case "remittances":
            case "banxico":
                return Source.REMITTANCES;
            default:
                throw new UsageException("--source must be 3x1, registry, consular, survey or remittances, got '"
                        + name + "'");
        }
    }
}
