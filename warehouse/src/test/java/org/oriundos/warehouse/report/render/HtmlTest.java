package org.oriundos.warehouse.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupInClubNames() {
        assertThat(Html.escape("Club \"Los <Altos>\" & Amigos 'de' Jalisco"))
                .isEqualTo("Club &quot;Los &lt;Altos&gt;&quot; &amp; Amigos &#39;de&#39; Jalisco");
    }

    @Test
    void keepsAccentsAndReplacesControlCharacters() {
        assertThat(Html.escape("Michoacán\u0007")).isEqualTo("Michoacán\uFFFD");
        assertThat(Html.escape(null)).isEmpty();
    }
}
