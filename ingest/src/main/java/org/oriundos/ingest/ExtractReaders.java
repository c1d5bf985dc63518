package org.oriundos.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.LocalDate;
import java.util.List;
import org.oriundos.ingest.banxico.SieExportReader;
import org.oriundos.ingest.consular.ActivityParser;
import org.oriundos.ingest.csv.CsvExtractReader;
import org.oriundos.ingest.csv.DetectedEncoding;
import org.oriundos.ingest.csv.EncodingDetector;
import org.oriundos.ingest.csv.HeaderMap;
import org.oriundos.ingest.csv.KeyIndex;
import org.oriundos.ingest.csv.LayoutChoice;
import org.oriundos.ingest.csv.RecordParser;
import org.oriundos.ingest.registry.RegistryParser;
import org.oriundos.ingest.sedesol.ProjectParser;
import org.oriundos.ingest.survey.SurveyParser;

/**
 * Opens a delivered file for reading: detects its encoding, reads its header, tells the layout
 * from the header (the file name only gives the source and the period) and matches the header
 * against it. Whatever makes the whole file unreadable is a {@link FileRefusedException} here,
 * before any row is read: a column the warehouse needs missing, or a header that tells no layout.
 */
public final class ExtractReaders {
    private ExtractReaders() {
    }

    /**
     * A reader over the file's records, after skipping {@code resumeAfterRecords} records (those
     * an interrupted run already committed).
     */
    public static ExtractReader open(Delivery d, IngestOptions options, long resumeAfterRecords) {
        return open(d, options, resumeAfterRecords, null);
    }

    /**
     * As {@link #open(Delivery, IngestOptions, long)}, knowing which keys the file repeats (found by
     * a reading that did not know them: {@link ExtractReader#repeatedKeysFound()}); {@code null}
     * when they are not known yet.
     */
    public static ExtractReader open(Delivery d, IngestOptions options, long resumeAfterRecords,
                                     KeyIndex knownRepeats) {
        String name = d.fileName();
        try {
            if (!Files.isRegularFile(d.file(), LinkOption.NOFOLLOW_LINKS)) {
                throw new DeliveryChangedException(name, "the file is no longer in the inbox (removed, renamed or"
                        + " replaced by a link since the scan): nothing is published, and the next night looks again");
            }
            long size = Files.size(d.file());
            if (size != d.bytes()) {
                throw new DeliveryChangedException(name, "the file changed since the inbox scan (" + size + " bytes now, "
                        + d.bytes() + " then): nothing is published, and the next night takes it once it has stopped"
                        + " changing");
            }
            if (size == 0) {
                throw new FileRefusedException(name, "the file is empty (0 bytes): it has no header row");
            }
            DetectedEncoding encoding = EncodingDetector.detect(d.file());
            if (d.source() == Source.REMITTANCES) {
                // a block of metadata comes before its rows: the export's own reader reads it
                return SieExportReader.open(d, encoding, resumeAfterRecords);
            }
            CsvExtractReader.Opened opened = CsvExtractReader.open(d.file(), encoding, true);
            try {
                LayoutChoice choice = layoutOf(d, opened.header());
                RecordParser parser = choice.parser();
                HeaderMap map = HeaderMap.match(name, parser.layout(), choice.why(), opened.header());
                return CsvExtractReader.over(d, encoding, parser, map, opened, resumeAfterRecords, knownRepeats);
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
        } catch (IOException e) {
            // the scan read it whole: a file that cannot be opened now was removed or its permissions
            // changed since; that is no verdict on its bytes, so no refusal is recorded
            throw new DeliveryChangedException(name, "the file cannot be read any more (" + e.getClass().getSimpleName()
                    + "): nothing is published, and the next night takes it again");
        }
    }

    /** The layout the header says, for the source and period the file name says. */
    static LayoutChoice layoutOf(Delivery d, List<String> header) {
        List<String> keys = HeaderMap.keys(header);
        return switch (d.source()) {
            case REGISTRY -> RegistryParser.forHeader(keys, LocalDate.parse(d.period()));
            case CONSULAR_ACTIVITY -> new LayoutChoice(new ActivityParser(DeliveryName.yearOf(d.period())),
                    "the only layout of consular activity files");
            case PROJECTS -> {
                LayoutChoice choice = ProjectParser.forHeader(keys, DeliveryName.yearOf(d.period()));
                if (choice == null) {
                    throw new FileRefusedException(d.fileName(), ProjectParser.whyNoLayout(keys));
                }
                yield choice;
            }
            case SURVEY -> new LayoutChoice(new SurveyParser(DeliveryName.surveyOf(d.period()),
                    DeliveryName.yearOf(d.period())), "the only layout of survey files");
            case REMITTANCES -> throw new IllegalStateException("an SIE export has no header row: "
                    + "SieExportReader reads its metadata");
        };
    }
}
