package org.oriundos.tools.bench.micro;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.oriundos.transform.geography.GeographyAliases;
import org.oriundos.transform.geography.GeographyCatalog;
import org.oriundos.transform.geography.MexicanState;
import org.oriundos.transform.geography.Municipality;
import org.oriundos.transform.geography.MunicipalityResolver;
import org.oriundos.transform.geography.StateResolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Resolving a municipality by state and municipality name, as the 2002-2012 3x1 layout gives
 * them: every municipality of the INEGI catalog, half written as in the catalog and half as
 * people type them (upper case, accents dropped, NFD). One operation is one name resolved.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResolveMunicipality {
    static final int NAMES = 2_048;

    private MunicipalityResolver resolver;
    private String[] states;
    private String[] municipalities;

    @Setup(Level.Trial)
    public void loadCatalog() {
        GeographyCatalog catalog = GeographyCatalog.shipped();
        GeographyAliases aliases = GeographyAliases.load(catalog, null);
        resolver = new MunicipalityResolver(catalog, aliases, new StateResolver(catalog, aliases));
        List<Municipality> all = new ArrayList<>(catalog.municipalities());
        states = new String[NAMES];
        municipalities = new String[NAMES];
        for (int i = 0; i < NAMES; i++) {
            Municipality m = all.get((int) ((long) i * all.size() / NAMES));
            String state = catalog.state(m.stateCode()).map(MexicanState::name).orElse(m.stateCode());
            boolean typed = i % 2 == 1;
            states[i] = typed ? asTyped(state) : state;
            municipalities[i] = typed ? Normalizer.normalize(asTyped(m.name()), Normalizer.Form.NFD) : m.name();
        }
    }

    private static String asTyped(String name) {
        String bare = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return bare.toUpperCase(Locale.ROOT);
    }

    @Benchmark
    @OperationsPerInvocation(NAMES)
    public void resolveMunicipalityName(Blackhole bh) {
        for (int i = 0; i < NAMES; i++) {
            bh.consume(resolver.resolve(states[i], municipalities[i]));
        }
    }
}
