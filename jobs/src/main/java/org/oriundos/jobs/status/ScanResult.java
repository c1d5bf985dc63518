package org.oriundos.jobs.status;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code scanInbox} found: the files to load tonight, and the inbox files it left alone with
 * why. File names and reasons only: never a cell of a file.
 *
 * @param inbox         the inbox it scanned
 * @param conf          the analysts' correction files (said when only they changed)
 * @param toLoad        the files to load, in the order the scan listed them
 * @param alreadyLoaded inbox files whose bytes the ledger has loaded before
 * @param notTaken      inbox files the scan did not take (an unknown name, a twin, an old version, one still arriving)
 * @param stillRefused  inbox files whose very bytes were refused before, not tried again
 * @param night         whether the night goes on, and why
 */
public record ScanResult(String inbox, String conf, List<DeliveryValue> toLoad, int alreadyLoaded,
                         List<NotTaken> notTaken, List<StillRefused> stillRefused, Night night)
        implements Serializable {

    public ScanResult {
        toLoad = List.copyOf(toLoad);
        notTaken = List.copyOf(notTaken);
        stillRefused = List.copyOf(stillRefused);
    }

    /** Whether the night goes on after the scan. */
    public enum Night {
        /** There is something to load (or a restart, a full rebuild or a backfill): the stages run. */
        GOES_ON,
        /** Nothing new, and the reference data as the lake was conformed with: the job ends here. */
        NOTHING_NEW,
        /** Nothing new, but the analysts' reference data changed: conform and publish again. */
        REFERENCE_CHANGED
    }

    /** An inbox file not taken; {@code waiting} when it may be taken once it is whole. */
    public record NotTaken(String name, String reason, boolean waiting) implements Serializable {
    }

    /** An inbox file whose bytes were refused on {@code refusedOn} (UTC), for {@code reason}. */
    public record StillRefused(String fileName, String reason, LocalDate refusedOn) implements Serializable {
    }
}
