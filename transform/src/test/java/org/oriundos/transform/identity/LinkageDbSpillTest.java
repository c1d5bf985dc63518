package org.oriundos.transform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The linker's DuckDB spills into a directory of its own under java.io.tmpdir, gone after close. */
class LinkageDbSpillTest {
    @Test
    void spillsUnderTheTemporaryDirectoryNotTheWorkingOneAndCleansUp() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        Path spill;
        try (LinkageDb db = new LinkageDb(LinkageModel.shipped(), 1, "64MB", Map.of())) {
            spill = db.spill();
            assertThat(spill.toRealPath().getParent()).isEqualTo(tmp);
            assertThat(Files.isDirectory(spill)).isTrue();
            try (Statement s = db.connection().createStatement();
                 ResultSet r = s.executeQuery("select current_setting('temp_directory')")) {
                r.next();
                assertThat(Path.of(r.getString(1)).toRealPath()).isEqualTo(spill.toRealPath());
            }
        }
        assertThat(Files.exists(spill)).as("removed on close").isFalse();
    }
}
