package org.oriundos.tools.bench.micro;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.oriundos.ingest.csv.CsvExtractReader;
import org.oriundos.ingest.csv.DetectedEncoding;
import org.oriundos.ingest.csv.EncodingDetector;
import org.oriundos.tools.sample.SampleExtracts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What reading a 3x1 file costs before any field is validated: the bound Commons CSV puts on the
 * ingest loop's reading thread. The same 2013-layout rows as {@link ParseProjectRows}, opened as
 * the loop opens them ({@link CsvExtractReader#openRecords}: the file's detected encoding, the
 * reader's buffer and decoder, its exact {@link CsvExtractReader#FORMAT}). One operation is one
 * row.
 *
 * <p>{@code lexRow}: decode and lex, every value of every record touched (its length summed), no
 * field validated. {@code decodeRow}: the UTF-8 decoding alone (the same reader, read into a char
 * buffer), so that lexing's own share is the difference. {@code hash}: with {@code true} the bytes
 * also pass SHA-256, as the loop's reader proves it read the bytes the inbox scan hashed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LexCsvRows {
    static final int ROWS = 5_000;

    @Param({"false", "true"})
    public boolean hash;

    private Path dir;
    private Path file;
    private DetectedEncoding encoding;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        dir = Files.createTempDirectory("oriundos-jmh-lex");
        file = new SampleExtracts(2019).writeProjectsFile(dir, 2015, ROWS).get(0);
        encoding = EncodingDetector.detect(file);
    }

    @TearDown(Level.Trial)
    public void removeFile() throws IOException {
        MicroFiles.deleteTree(dir);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long lexRow() throws IOException {
        long chars = 0;
        try (CsvExtractReader.Opened o = CsvExtractReader.openRecords(file, encoding, hash)) {
            for (Iterator<CSVRecord> it = o.records(); it.hasNext(); ) {
                CSVRecord rec = it.next();
                for (int i = 0; i < rec.size(); i++) {
                    chars += rec.get(i).length();
                }
            }
        }
        return chars;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long decodeRow() throws IOException {
        long chars = 0;
        char[] buffer = new char[1 << 16];
        var decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (Reader in = new BufferedReader(new InputStreamReader(
                hash ? new DigestInputStream(Files.newInputStream(file), sha256())
                        : Files.newInputStream(file), decoder), 1 << 16)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                chars += n;
            }
        }
        return chars;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
