package org.oriundos.tools.sample;

/**
 * A federation (or confederation) of clubs: clubs of one Mexican state of origin in one US region.
 *
 * @param number        its place in the directory (its IME id and registry key derive from it)
 * @param name          as registered
 * @param type          FEDERACION or CONFEDERACION
 * @param originCode    INEGI code of the state its clubs come from (null for a confederation)
 * @param consulate     the consulate that registered it
 * @param region        the region its clubs are in ({@code del Sur de California}, {@code en Illinois})
 * @param founded       the year it was founded
 * @param confederation the confederation it belongs to, or null
 */
record Federation(int number, String name, String type, String originCode, Consulates.Consulate consulate,
                  String region, int founded, String confederation) {

    String id() {
        return "IME-" + Amounts.padded(number, 6);
    }

    String registryKey() {
        return "TN-" + Math.max(founded, 2005) + "-" + Amounts.padded(number, 5);
    }
}
