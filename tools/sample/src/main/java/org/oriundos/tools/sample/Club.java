package org.oriundos.tools.sample;

import java.time.LocalDate;

/**
 * One hometown club of the sample population, recreated from the seed and its index alone.
 *
 * @param index          its place in the population (clubs are numbered in the order they appear)
 * @param type           CLUB or ASOCIACION
 * @param name           the name it registered with
 * @param renamedName    the name it took later, or null
 * @param renameYear     the year of the new name (meaningful only with {@code renamedName})
 * @param registryKey    its toma de nota ({@code TN-2011-00345}), or null when it has none
 * @param consulate      the consulate it registered with
 * @param city           the US city it meets in
 * @param usStateWritten its US state as the registry writes it (USPS code or name)
 * @param origin         its Mexican state of origin
 * @param town           its municipality of origin
 * @param originWritten  the state of origin as the registry writes it
 * @param townWritten    the municipality as the registry writes it, or null when left blank
 * @param foundedWritten FECHA_FUNDACION as written ({@code dd/mm/yyyy}, {@code yyyy} or null)
 * @param registered     FECHA_REGISTRO
 * @param firstYear      the first year it is listed in the directories
 * @param goneYear       the first year it is no longer listed (deregistered)
 * @param members        members when it registered, or -1 when never reported
 * @param federation     the federation it belongs to, or null
 */
record Club(long index, String type, String name, String renamedName, int renameYear, String registryKey,
            Consulates.Consulate consulate, String city, String usStateWritten, Geography.State origin,
            Geography.Municipality town, String originWritten, String townWritten, String foundedWritten,
            LocalDate registered, int firstYear, int goneYear, int members, Federation federation) {

    /** IME's id for it. */
    String id() {
        return "IME-" + Amounts.padded(Population.FIRST_CLUB_NUMBER + index, 6);
    }

    String nameIn(int year) {
        return renamedName != null && year >= renameYear ? renamedName : name;
    }

    boolean listedIn(int year) {
        return year >= firstYear && year < goneYear;
    }

    /** Listed in an IME snapshot of that date: alive that year and registered by then. */
    boolean listedOn(LocalDate snapshot) {
        return listedIn(snapshot.getYear()) && !registered.isAfter(snapshot);
    }

    /** Members reported in a given year: clubs grow a little as they age. */
    int membersIn(int year) {
        if (members < 0) {
            return -1;
        }
        return (int) Math.round(members * (1 + 0.03 * Math.max(0, year - firstYear)));
    }
}
