package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.transform.identity.LinkageModel;

/** The fingerprint the inbox scan computes alone is the one a conform's reference data carries. */
class ReferenceDataTest {
    @TempDir
    Path home;

    @Test
    void theFingerprintAloneIsTheLoadedReferenceDatasOwn() throws Exception {
        assertThat(ReferenceData.fingerprint(ConformOptions.DEFAULTS))
                .isEqualTo(new ReferenceData(ConformOptions.DEFAULTS).fingerprint);

        ConformOptions withFiles = ConformOptions.forHome(home, ConformOptions.DEFAULT_BASE_YEAR);
        assertThat(ReferenceData.fingerprint(withFiles)).as("files that do not exist count as none")
                .isEqualTo(new ReferenceData(withFiles).fingerprint)
                .isEqualTo(ReferenceData.fingerprint(ConformOptions.DEFAULTS));

        Path model = home.resolve("conf/linkage_model.csv");
        Files.createDirectories(model.getParent());
        Files.writeString(model, LinkageModel.shipped().withThresholds(40, 30, 1.5).format(List.of()));
        String withModel = ReferenceData.fingerprint(withFiles);
        assertThat(withModel).isEqualTo(new ReferenceData(withFiles).fingerprint)
                .isNotEqualTo(ReferenceData.fingerprint(ConformOptions.DEFAULTS));

        ConformOptions otherYear = new ConformOptions(2012, null, null);
        assertThat(ReferenceData.fingerprint(otherYear)).isEqualTo(new ReferenceData(otherYear).fingerprint)
                .isNotEqualTo(ReferenceData.fingerprint(ConformOptions.DEFAULTS));
    }
}
