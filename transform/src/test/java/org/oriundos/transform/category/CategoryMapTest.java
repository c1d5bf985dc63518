package org.oriundos.transform.category;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoryMapTest {
    private final CategoryMap map = CategoryMap.shipped();

    @Test
    void mapsTheOldFreeTextWorkTypesByKeyword() {
        assertThat(map.categorize(null, "Ampliación de red de agua potable"))
                .isEqualTo(new CategoryMatch("AGUA POTABLE", "KEYWORD:agua potable"));
        assertThat(map.categorize(null, "Pavimentación con concreto hidráulico"))
                .isEqualTo(new CategoryMatch("PAVIMENTACION", "KEYWORD:pavimentación"));
        assertThat(map.categorize(null, "Construcción de lienzo charro"))
                .isEqualTo(new CategoryMatch("DEPORTE", "KEYWORD:lienzo charro"));
        assertThat(map.categorize(null, "REHABILITACION DEL TEMPLO PARROQUIAL").category()).isEqualTo("TEMPLO");
        assertThat(map.categorize(null, "Construcción de aulas en la telesecundaria").category()).isEqualTo("EDUCACION");
        assertThat(map.categorize(null, "Becas 3x1 para estudiantes").category()).isEqualTo("BECAS");
    }

    @Test
    void theMoreSpecificKeywordWins() {
        assertThat(map.categorize(null, "Construcción de jardín de niños").category()).isEqualTo("EDUCACION");
        assertThat(map.categorize(null, "Remodelación del jardín principal").category()).isEqualTo("URBANIZACION");
    }

    @Test
    void keepsTheCategoriaOfTheNewLayoutForgivingAccentsAndCase() {
        assertThat(map.categorize("ELECTRIFICACIÓN", null)).isEqualTo(new CategoryMatch("ELECTRIFICACION", "CATEGORIA"));
        assertThat(map.categorize("centro comunitario", null).category()).isEqualTo("CENTRO COMUNITARIO");
    }

    @Test
    void aKeywordCanFileAWorkAsOtroOnPurpose() {
        assertThat(map.categorize(null, "Construcción de barda perimetral de panteón"))
                .isEqualTo(new CategoryMatch("OTRO", "KEYWORD:panteón"));
        assertThat(map.categorize(null, "Construcción de casa de día para adultos mayores").category()).isEqualTo("CENTRO COMUNITARIO");
        assertThat(map.categorize(null, "Construcción de banquetas y guarniciones").category()).isEqualTo("PAVIMENTACION");
    }

    @Test
    void filesWhatNoKeywordMatchesAsOtroUnmatched() {
        assertThat(map.categorize(null, "Adquisición de uniformes para la banda de música"))
                .isEqualTo(new CategoryMatch("OTRO", "UNMATCHED"));
        assertThat(map.categorize(null, null).rule()).isEqualTo("UNMATCHED");
        assertThat(map.categorize(null, "Aguascalientes").category()).as("whole words only").isEqualTo("OTRO");
    }
}
