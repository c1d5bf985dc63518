package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTest {
    @TempDir
    Path tmp;

    @Test
    void recognisesEveryProviderNameAndOrdersBySourcePeriodAndVersion() throws Exception {
        TestLake lake = new TestLake(tmp);
        Path in = lake.inbox;
        String[] names = {"SURVEY_mmp_2019.csv", "3x1_proyectos_2007_v10.csv", "3X1_Proyectos_2007_v2.csv",
            "3x1_proyectos_2007.csv", "3x1_proyectos_2006.csv", "consulados_actividad_2023.csv",
            "ime_directorio_2024-06-30.csv", "directorio_oriundos_1998.csv", "Directorio_Oriundos_2003-05-01.csv",
            "ime_directorio_2024-02-30.csv", "notas.txt", "3x1_proyectos_07.csv", ".part-upload.csv"};
        int i = 0;
        for (String n : names) {
            Files.writeString(in.resolve(n), "H\n" + i++ + "\n"); // distinct bytes each
        }

        InboxScan scan = new Inbox(in).scan(lake.ledger());

        assertThat(scan.toLoad()).extracting(Delivery::fileName, Delivery::source, Delivery::period).containsExactly(
                tuple("directorio_oriundos_1998.csv", Source.REGISTRY, "1998-12-31"),
                tuple("Directorio_Oriundos_2003-05-01.csv", Source.REGISTRY, "2003-05-01"),
                tuple("ime_directorio_2024-06-30.csv", Source.REGISTRY, "2024-06-30"),
                tuple("consulados_actividad_2023.csv", Source.CONSULAR_ACTIVITY, "2023"),
                tuple("3x1_proyectos_2006.csv", Source.PROJECTS, "2006"),
                tuple("3x1_proyectos_2007.csv", Source.PROJECTS, "2007"),
                tuple("3X1_Proyectos_2007_v2.csv", Source.PROJECTS, "2007"),
                tuple("3x1_proyectos_2007_v10.csv", Source.PROJECTS, "2007"),
                tuple("SURVEY_mmp_2019.csv", Source.SURVEY, "MMP_2019"));
        assertThat(scan.unrecognized()).extracting(u -> u.file().getFileName().toString(), UnrecognizedFile::reason)
                .containsExactlyInAnyOrder(
                        tuple("ime_directorio_2024-02-30.csv", "the date in the name is not a real date: 2024-02-30"),
                        tuple("notas.txt", "not a name the providers use; recognised names are "
                                + "ime_directorio_YYYY-MM-DD.csv, directorio_oriundos_YYYY.csv, "
                                + "directorio_oriundos_YYYY-MM-DD.csv, consulados_actividad_YYYY.csv, "
                                + "3x1_proyectos_YYYY.csv, 3x1_proyectos_YYYY_vN.csv, survey_<SURVEY>_<YEAR>.csv, "
                                + "banxico_remesas_<anything>.csv"),
                        tuple("3x1_proyectos_07.csv", "not a name the providers use; recognised names are "
                                + "ime_directorio_YYYY-MM-DD.csv, directorio_oriundos_YYYY.csv, "
                                + "directorio_oriundos_YYYY-MM-DD.csv, consulados_actividad_YYYY.csv, "
                                + "3x1_proyectos_YYYY.csv, 3x1_proyectos_YYYY_vN.csv, survey_<SURVEY>_<YEAR>.csv, "
                                + "banxico_remesas_<anything>.csv"));
        assertThat(scan.toLoad().get(0).loadId()).hasSize(16).isEqualTo(scan.toLoad().get(0).sha256().substring(0, 16));
    }

    @Test
    void twoFilesWithTheSameBytesLoadOnce() throws Exception {
        TestLake lake = new TestLake(tmp);
        lake.deliver("3x1_proyectos_2007.csv");
        lake.deliver("3x1_proyectos_2007.csv", "3x1_proyectos_2007_v2.csv");

        InboxScan scan = new Inbox(lake.inbox).scan(lake.ledger());

        assertThat(scan.toLoad()).extracting(Delivery::fileName).containsExactly("3x1_proyectos_2007.csv");
        assertThat(scan.unrecognized()).extracting(UnrecognizedFile::reason)
                .containsExactly("the same bytes as 3x1_proyectos_2007.csv, which is taken in its place");
    }

    @Test
    void aScanHashesOnlyTheFilesNewOrChangedSinceTheLastOne() throws Exception {
        TestLake lake = new TestLake(tmp);
        Path file = lake.inbox.resolve("3x1_proyectos_2007.csv");
        lake.deliver("3x1_proyectos_2007.csv");
        String real = Inbox.sha256(file);
        Path cache = tmp.resolve("cache/inbox-checksums.tsv");

        assertThat(new Inbox(lake.inbox, cache).scan(lake.ledger()).toLoad()).extracting(Delivery::sha256)
                .containsExactly(real);
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertThat(Files.readAllLines(cache)).containsExactly("3x1_proyectos_2007.csv\t" + size + "\t" + modified + "\t" + real);

        // the next scan takes the checksum from the cache while name, size and modification time hold:
        // a checksum planted there is what it answers, so it did not read the file
        String planted = "0".repeat(64);
        Files.writeString(cache, "3x1_proyectos_2007.csv\t" + size + "\t" + modified + "\t" + planted + "\n");
        assertThat(new Inbox(lake.inbox, cache).scan(lake.ledger()).toLoad()).extracting(Delivery::sha256)
                .containsExactly(planted);

        // a file touched since is hashed again
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(modified + 2_000));
        assertThat(new Inbox(lake.inbox, cache).scan(lake.ledger()).toLoad()).extracting(Delivery::sha256)
                .containsExactly(real);

        // a cache that cannot be read costs a full hashing, nothing else
        Files.write(cache, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '\n'});
        assertThat(new Inbox(lake.inbox, cache).scan(lake.ledger()).toLoad()).extracting(Delivery::sha256)
                .containsExactly(real);
        assertThat(Files.readAllLines(cache)).singleElement().asString().endsWith(real);
    }
}
