package org.oriundos.jobs.cli;

import java.io.PrintStream;
import java.util.List;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.RejectedRow;
import org.oriundos.ingest.Rejects;
import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.status.RejectAccount;
import org.oriundos.warehouse.SafeCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oriundos rejects}: every rejected value, where it came from and why. */
@Command(name = "rejects", customSynopsis = "oriundos rejects [--home DIR] [--file NAME] [--csv]",
        header = "the rows that could not be loaded, and why",
        description = """
            Lists every rejected value: the file, line and column it came from, the value as
            delivered (masked to its shape for registry files, which carry personal data) and the
            reason. With --file, only those of one delivered file; with --csv, as CSV (text that a
            spreadsheet would run as a formula is neutralised).""")
final class RejectsCommand extends HomeCommand {
    @Mixin
    private LakeOption lake;

    @Option(names = "--file", paramLabel = "NAME", description = "only the rejects of this file")
    private String file;

    @Option(names = "--csv", description = "print CSV instead of a table")
    private boolean csv;

    RejectsCommand(CommandIo io) {
        super(io);
    }

    @Override
    protected String lake() {
        return lake.uri();
    }

    @Override
    protected int run(Settings s) {
        PrintStream out = io.out();
        List<RejectedRow> rejects = new Rejects(s.dataHome().lake()).list(file);
        if (csv) {
            StringBuilder text = new StringBuilder();
            SafeCsv writer = new SafeCsv(text);
            writer.text("file").text("line").text("column").text("value").text("reason").endRecord();
            for (RejectedRow r : rejects) {
                writer.text(r.sourceFile()).number(Long.toString(r.line())).text(r.column()).text(r.value())
                        .text(r.reason()).endRecord();
            }
            out.print(text);
            return ExitCode.OK;
        }
        RejectAccount account = RejectAccount.of(new Ledger(s.dataHome().lake()).entries(),
                e -> file == null || file.equals(e.fileName()));
        if (rejects.isEmpty()) {
            out.println(file == null ? "no rejects" : "no rejects from " + file);
        } else {
            TextTable table = new TextTable("file", "line", "column", "value", "reason");
            for (RejectedRow r : rejects) {
                table.row(r.sourceFile(), Long.toString(r.line()), r.column() == null ? "(row)" : r.column(),
                        r.value() == null ? "" : r.value(), r.reason());
            }
            out.print(table);
        }
        // the run summaries counted rejected rows; say why this list holds another number
        List<String> notes = account.explainListing(rejects.size());
        for (String line : rejects.isEmpty() ? notes.subList(1, notes.size()) : notes) {
            out.println(line);
        }
        return ExitCode.OK;
    }
}
