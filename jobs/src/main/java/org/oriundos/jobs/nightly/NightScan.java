package org.oriundos.jobs.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.InboxScan;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.RefusedFile;
import org.oriundos.ingest.UnrecognizedFile;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.status.Backfill;
import org.oriundos.jobs.status.ScanResult;
import org.oriundos.jobs.home.ConfTemplates;
import org.oriundos.transform.ConformStage;

/**
 * The night's look at the inbox, as {@code scanInbox} takes it and as a completed run takes it
 * again for the next night's quiet check ({@code quiet.QuietCheck}): completes or rolls back any
 * publish a crash cut short, lists the inbox files whose bytes the ledger has not loaded, and
 * decides whether the night goes on.
 */
public final class NightScan {
    private NightScan() {
    }

    /**
     * @param rebuildsEverything a full rebuild or a backfill: refused files are tried again, and the night goes on
     * @param backfill           the backfill's period, whose re-deliveries alone are loaded; null for a night
     * @param freshNight         a new night, not the restart of one (a restart always goes on: a later
     *                           stage may be what a crash interrupted)
     */
    public static ScanResult scan(NightlyStages stages, boolean rebuildsEverything, Backfill backfill, boolean freshNight) {
        DataHome home = stages.home();
        stages.staging().recover();
        try {
            Files.createDirectories(home.inbox()); // a new data home: an empty inbox, ready for the files
            ConfTemplates.writeMissing(home);      // and the analysts' correction files, explained
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the inbox and conf folders of " + home.root() + ": "
                    + e.getMessage(), e);
        }
        // a full rebuild (or a backfill) tries refused files again: the reject threshold may have been raised
        InboxScan scan = new Inbox(home.inbox(), home.inboxChecksums(),
                Duration.ofSeconds(stages.settings().settleSeconds()), Clock.systemUTC())
                .scan(new Ledger(home.lake()), rebuildsEverything);
        List<Delivery> toLoad = scan.toLoad();
        if (backfill != null) {
            // a backfill loads only a re-delivery of its own period; the rest waits for the night
            toLoad = toLoad.stream().filter(d -> d.source().tableName().equals(backfill.table())
                    && d.period().startsWith(backfill.period())).toList();
        }
        List<ScanResult.NotTaken> notTaken = new ArrayList<>();
        for (UnrecognizedFile u : scan.unrecognized()) {
            notTaken.add(new ScanResult.NotTaken(u.name(), u.reason(), u.waiting()));
        }
        List<ScanResult.StillRefused> stillRefused = new ArrayList<>();
        for (RefusedFile r : scan.stillRefused()) {
            stillRefused.add(new ScanResult.StillRefused(r.delivery().fileName(), r.refusal().reason(),
                    LocalDate.ofInstant(r.refusal().loadedAt(), ZoneOffset.UTC)));
        }
        boolean quiet = toLoad.isEmpty() && freshNight && !rebuildsEverything;
        ScanResult.Night night = ScanResult.Night.GOES_ON;
        if (quiet && !new ConformStage(home.lake(), stages.conformOptions()).upToDate()) { // conf files as they are now
            // an analyst edited a correction file (or a new version ships other catalogs): apply it tonight
            night = ScanResult.Night.REFERENCE_CHANGED;
        } else if (quiet) {
            night = ScanResult.Night.NOTHING_NEW;
        }
        return new ScanResult(home.inbox().toString(), home.conf().toString(),
                toLoad.stream().map(DeliveryCodec::toValue).toList(), scan.alreadyLoaded().size(), notTaken,
                stillRefused, night);
    }
}
