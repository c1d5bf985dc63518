package org.oriundos.jobs.cli;

import org.oriundos.jobs.home.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oriundos nightly}: the load of the inbox's new files. */
@Command(name = "nightly", customSynopsis = "oriundos nightly [--home DIR] [--full-rebuild]",
        header = "load the new files of the inbox into the lake, the warehouse and the report",
        description = """
            Loads every file in <home>/inbox that has not been loaded yet: ingest (validate, reject
            what cannot be loaded, write to the lake), transform (conform), warehouse (apply, check,
            publish atomically) and the report of the latest year. A run that was killed or stopped
            is resumed from where it stopped. With nothing new it loads nothing and says so. A file
            refused once is not tried again (it is listed as still refused) until it is replaced or
            a --full-rebuild asks for it; files it does not take are listed with the reason.
            Only whole files are taken: settled for --oriundos.settle-seconds (default 60), or with
            a NAME.done marker; links, folders and unreadable files are named and left alone. A
            delivery that would replace another with far fewer rows is held back
            (--oriundos.max-row-drop, default 0.5; a backfill of its period takes it).
            Exit codes: 0 done, 3 the load failed (the published warehouse is unchanged), 4 another
            run holds the lock, 5 stopped (SIGTERM; the next run resumes), 6 done but some files
            were refused, held back or changed while loading (see 'oriundos status' and
            'oriundos rejects').""")
final class NightlyCommand extends HomeCommand {
    @Mixin
    private LakeOption lake;

    @Option(names = "--full-rebuild", description = "rebuild the conformed zone and the warehouse from the whole lake,"
            + " and try refused files again")
    private boolean fullRebuild;

    @Option(names = "--on-failure", paramLabel = "CMD", description = "a command to run if the load fails")
    private String onFailure;

    NightlyCommand(CommandIo io) {
        super(io);
    }

    @Override
    protected String lake() {
        return lake.uri();
    }

    @Override
    protected int run(Settings settings) throws Exception {
        return new LoadRun(io.out(), io.err()).nightly(settings, fullRebuild, null, onFailure);
    }
}
