package org.oriundos.jobs.cli;

import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.home.Settings;
import org.oriundos.warehouse.report.AnnualReport;
import org.oriundos.warehouse.report.ReportException;
import org.oriundos.warehouse.report.ReportOptions;
import org.oriundos.warehouse.report.ReportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oriundos report}: the annual report of one year, from the published warehouse. */
@Command(name = "report", customSynopsis = "oriundos report --year Y [--from Y0] [--lang es|en] [--home DIR]",
        header = "write the annual report of a year",
        description = """
            Writes <home>/reports/<year>/report.html and one CSV per table of it, from the published
            warehouse. --from sets the first year of the trend charts. --lang writes it in Spanish (es)
            or English (en): every label, caption, note and number format follows the language
            (1 234 567,8 or 1,234,567.8); the default is the setting oriundos.report.lang (en). The
            title block names the institution of the setting oriundos.report.institution, if set.""")
final class ReportCommand extends HomeCommand {
    @Option(names = "--year", paramLabel = "Y", required = true, description = "the report's year")
    private long year;

    @Option(names = "--from", paramLabel = "Y0", description = "the first year of the trends")
    private Long from;

    @Option(names = "--lang", paramLabel = "es|en",
            description = "the report's language (default: the setting oriundos.report.lang, en)")
    private String lang;

    ReportCommand(CommandIo io) {
        super(io);
    }

    @Override
    protected int run(Settings s) {
        int y = (int) within("--year", year, 1900, 2100);
        Integer first = from == null ? null : (int) within("--from", from, 1900, y);
        ReportOptions options;
        try {
            options = lang == null ? s.reportOptions() : ReportOptions.of(lang, s.reportInstitution());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--lang: " + e.getMessage());
        }
        DataHome home = s.dataHome();
        ReportResult result;
        try {
            result = new AnnualReport().write(home.warehouseFile(), y, first, home.reports(), options);
        } catch (ReportException e) {
            throw new CommandFailedException(ExitCode.BAD_ARGUMENTS, e.getMessage(), e);
        }
        io.out().println("wrote " + result.html());
        io.out().println("and " + result.csvFiles().size() + " CSV table" + (result.csvFiles().size() == 1 ? "" : "s")
                + " beside it, in " + result.html().getParent());
        return ExitCode.OK;
    }
}
