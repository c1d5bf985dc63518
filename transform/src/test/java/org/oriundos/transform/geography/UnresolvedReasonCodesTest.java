package org.oriundos.transform.geography;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oriundos.transform.UnresolvedReason;

/**
 * A place the resolvers cannot resolve says why twice: the English sentence the analyst has always
 * read (which may quote the value), and the code of that kind of reason, which quotes nothing.
 */
class UnresolvedReasonCodesTest {
    private static final GeographyCatalog CATALOG = GeographyCatalog.shipped();
    private static final GeographyAliases DEFAULTS = GeographyAliases.load(CATALOG, null);
    private final StateResolver states = new StateResolver(CATALOG, DEFAULTS);
    private final MunicipalityResolver municipalities = new MunicipalityResolver(CATALOG, DEFAULTS, states);
    private final UsStateResolver usStates = new UsStateResolver(CATALOG, DEFAULTS);

    @Test
    void eachKindOfUnresolvedPlaceHasItsCodeBesideItsSentence() {
        assertCode(states.resolve("Narnia"), UnresolvedReason.NO_STATE_OF_THAT_NAME, "no INEGI state is named 'Narnia'");
        assertCode(states.resolve("40"), UnresolvedReason.NO_SUCH_STATE_CODE, "no INEGI state has code 40");
        assertCode(municipalities.resolveInState("32", "Rancho Los Laureles"),
                UnresolvedReason.NO_MUNICIPALITY_OF_THAT_NAME, "no municipality named 'Rancho Los Laureles'");
        assertCode(municipalities.resolveCode("32", "999"), UnresolvedReason.NO_SUCH_MUNICIPALITY_CODE,
                "no municipality has code 999");
        assertCode(municipalities.resolve("Narnia", "Jerez"), UnresolvedReason.STATE_NOT_RESOLVED,
                "the state is not resolved");
        assertCode(municipalities.resolveInState("20", "Mixtepec"), UnresolvedReason.SEVERAL_MUNICIPALITIES,
                "fits");
        assertCode(usStates.resolve("Atlantis"), UnresolvedReason.NO_US_STATE_OF_THAT_NAME, "'Atlantis' is neither");
        assertThat(states.resolve("Zacatecas").why()).isNull();
    }

    private static void assertCode(Resolution r, UnresolvedReason code, String sentence) {
        assertThat(r.isResolved()).isFalse();
        assertThat(r.why().code()).isEqualTo(code.name());
        assertThat(r.why().args()).isEmpty();
        assertThat(r.reason()).isEqualTo(r.why().text()).contains(sentence);
    }
}
