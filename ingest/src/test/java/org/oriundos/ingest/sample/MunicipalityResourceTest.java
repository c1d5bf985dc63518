package org.oriundos.ingest.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sample's places are real: every row is copied unchanged from the project's INEGI catalog. */
class MunicipalityResourceTest {
    /** The catalog the project ships (transform's copy of INEGI's, see its SOURCES.md). */
    private static final Path CATALOG = Path.of("../transform/src/main/resources/reference/inegi_municipios.csv");

    @Test
    void everySampleMunicipalityIsARowOfTheInegiCatalogWithItsCodesAndNameExactly() throws IOException {
        assertThat(CATALOG).as("the project's INEGI catalog").exists();
        Set<String> catalog = new HashSet<>();
        for (String line : Files.readAllLines(CATALOG, StandardCharsets.UTF_8)) {
            String[] f = line.split(",", -1);
            catalog.add(String.join(",", f[0], f[1], f[2], f[3], f[4]));
        }
        List<String> sample;
        try (InputStream in = getClass().getResourceAsStream("/sample/municipios_origen.csv")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
        assertThat(sample).hasSizeGreaterThan(150);
        assertThat(sample).allSatisfy(row -> assertThat(catalog).contains(row));
        assertThat(new HashSet<>(sample)).hasSameSizeAs(sample);
    }

    @Test
    void theMainSendingStatesHaveTheMostMunicipalities() {
        Geography geography = new Geography();
        for (String main : List.of("32", "14", "16", "11")) {
            assertThat(geography.state(main).municipalities()).hasSizeGreaterThan(25);
        }
        assertThat(geography.states()).hasSize(18);
    }
}
