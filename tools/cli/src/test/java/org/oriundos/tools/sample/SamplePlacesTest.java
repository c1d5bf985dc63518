package org.oriundos.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oriundos.transform.geography.GeographyCatalog;
import org.oriundos.transform.geography.MexicanState;
import org.oriundos.transform.geography.Municipality;

/**
 * The sample's places are real and are transform's: chosen by key from the INEGI catalog transform
 * ships, with its names and populations, and no copy of that catalog in the sample's resources.
 */
class SamplePlacesTest {
    private final GeographyCatalog catalog = GeographyCatalog.shipped();

    @Test
    void everySamplePlaceIsAMunicipalityOfTransformsCatalogWithItsNameExactly() {
        List<String> keys = Geography.originKeys();
        assertThat(keys).hasSizeGreaterThan(150);
        assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
        Geography geography = new Geography();
        for (Geography.State state : geography.states()) {
            MexicanState official = catalog.state(state.code()).orElseThrow();
            assertThat(state.name()).isEqualTo(official.name());
            assertThat(state.abbreviation()).isEqualTo(official.abbreviation());
            for (Geography.Municipality m : state.municipalities()) {
                Municipality inCatalog = catalog.municipality(m.stateCode() + m.code()).orElseThrow();
                assertThat(m.name()).isEqualTo(inCatalog.name());
                assertThat(keys).contains(inCatalog.key());
            }
        }
    }

    @Test
    void theMainSendingStatesHaveTheMostMunicipalities() {
        Geography geography = new Geography();
        for (String main : List.of("32", "14", "16", "11")) {
            assertThat(geography.state(main).municipalities()).hasSizeGreaterThan(25);
        }
        assertThat(geography.states()).hasSize(18);
    }

    @Test
    void theDemosRemittancePlacesAreEveryMunicipalityOfItsFourStatesWithTheCatalogsPopulation() {
        Map<String, List<RemittanceExport.Municipality>> demo = RemittanceExport.demoMunicipalities();
        assertThat(demo.keySet()).containsExactly("11", "14", "16", "32");
        for (Map.Entry<String, List<RemittanceExport.Municipality>> state : demo.entrySet()) {
            List<Municipality> official = catalog.municipalities().stream()
                    .filter(m -> m.stateCode().equals(state.getKey())).toList();
            assertThat(state.getValue()).extracting(RemittanceExport.Municipality::key)
                    .containsExactlyElementsOf(official.stream().map(Municipality::key).toList());
            for (int i = 0; i < official.size(); i++) {
                assertThat(state.getValue().get(i).name()).isEqualTo(official.get(i).name());
                assertThat(state.getValue().get(i).population()).isEqualTo(official.get(i).population2020());
            }
        }
        assertThat(demo.values().stream().mapToInt(List::size).sum()).isEqualTo(342);
    }

    /**
     * A reference file of transform's under the sample's resources would be a second copy to keep
     * true: no line of them pairs a municipality's name with its code, as the catalog's rows do.
     */
    @Test
    void theSampleShipsNoCopyOfTransformsReferenceData() throws IOException {
        Path sampleResources = Path.of("../sample/src/main/resources"); // the module's sources, beside this one
        assertThat(sampleResources.resolve("sample/municipios_origen.txt")).exists();
        Map<String, Set<String>> codesByName = new HashMap<>();
        for (Municipality m : catalog.municipalities()) {
            codesByName.computeIfAbsent(m.name(), k -> new HashSet<>()).addAll(List.of(m.code(), m.key()));
        }
        try (Stream<Path> files = Files.walk(sampleResources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                long catalogRows = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> {
                    Set<String> cells = Stream.of(line.split(",", -1)).map(String::strip).collect(Collectors.toSet());
                    return cells.stream().anyMatch(cell -> codesByName.getOrDefault(cell, Set.of()).stream()
                            .anyMatch(cells::contains));
                }).count();
                assertThat(catalogRows).as(file.getFileName() + ": rows of transform's INEGI catalog").isZero();
            }
        }
    }
}
