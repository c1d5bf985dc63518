package org.oriundos.tools.cli;

import java.io.PrintStream;
import java.util.OptionalInt;
import org.oriundos.jobs.cli.CommandIo;
import org.oriundos.jobs.cli.ExitCode;
import org.oriundos.jobs.cli.HomeCommand;
import org.oriundos.jobs.cli.NightlyRun;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.home.Settings;
import org.oriundos.tools.sample.SampleExtracts;
import org.oriundos.warehouse.QueryResult;
import org.oriundos.warehouse.WarehouseQuery;
import org.oriundos.warehouse.report.AnnualReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oriundos demo}: a sample inbox, loaded, and where to look. */
@Command(name = "demo", customSynopsis = "oriundos demo [--home DIR]",
        header = "write a sample inbox and load it: see the whole pipeline in one command",
        description = """
            Writes a sample inbox (every kind of extract, with the faults real deliveries have) into
            <home>/inbox, runs the nightly load on it, and tells where the warehouse, the report and
            the rejects are, with a few numbers and queries to try.""")
public final class DemoCommand extends HomeCommand {
    @Option(names = "--seed", paramLabel = "N", description = "the sample's random seed (default 2019)")
    private long seed = GenerateCommand.DEFAULT_SEED;

    public DemoCommand(CommandIo io) {
        super(io);
    }

    @Override
    protected int run(Settings s) throws Exception {
        PrintStream out = io.out();
        DataHome home = s.dataHome();
        out.println("writing a sample inbox to " + home.inbox() + " …");
        new SampleExtracts(within("--seed", seed, 0, Long.MAX_VALUE)).writeDemoInbox(home.inbox());
        // the demo takes the files it has just written whole: no settle interval to wait out
        int code = NightlyRun.run(s.withSettleSeconds(0), out, io.err());
        if (code != ExitCode.OK && code != ExitCode.FILES_REFUSED) {
            return code;
        }
        out.println();
        out.println("the warehouse:  " + home.warehouseFile());
        OptionalInt latest = AnnualReport.latestYear(home.warehouseFile());
        out.println("the report:     " + (latest.isPresent()
                ? home.reports().resolve(Integer.toString(latest.getAsInt())).resolve("report.html")
                : home.reports() + " (no year with data)"));
        out.println("the rejects:    " + home.lakeDescription() + "/rejects  (oriundos rejects)");
        out.println("the run:        oriundos status");
        QueryResult headline = WarehouseQuery.run(home.warehouseFile(), """
                select year, count(*) as projects, count(distinct association_id) as clubs,
                       round(sum(migrant_mxn)) as migrant_mxn, round(sum(total_mxn)) as total_mxn
                from fact_project_funding where not is_cancelled
                group by year order by year desc limit 5""");
        out.println();
        out.println("3x1 projects of the latest years (cancelled ones left out):");
        out.print(headline.toAlignedTable());
        out.println();
        out.println("try:");
        out.println("  bin/oriundos sql \"select count(*) from fact_project_funding\"");
        out.println("  bin/oriundos sql \"show tables\"");
        out.println("  bin/oriundos sql \"select * from v_project_investment order by year desc, migrant_mxn desc limit 10\"");
        out.println("  bin/oriundos sql \"select * from v_remittances where year = 2019 and municipality is null"
                + " order by family_usd desc limit 10\"");
        out.println("  bin/oriundos rejects");
        out.println("  bin/oriundos unresolved");
        // the demo inbox carries files a real provider would get back: refusing them is the demo working
        return ExitCode.OK;
    }
}
