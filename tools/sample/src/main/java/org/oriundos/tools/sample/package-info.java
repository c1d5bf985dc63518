/**
 * Sample extracts that look exactly like the providers' deliveries (see docs/extracts.md), for
 * {@code oriundos demo}, {@code oriundos generate}, the benchmark and the tests of every module
 * (module {@code tools/sample}, beside the application: no production jar carries it). Entry point:
 * {@link org.oriundos.tools.sample.SampleExtracts}. Its places come from transform's INEGI catalog
 * on the class path ({@link org.oriundos.tools.sample.InegiCatalog}), not from a copy.
 *
 * <p>What the demo inbox holds (seeded, byte-identical for a seed):
 * <ul>
 *   <li>Registry: the historic consular directories {@code directorio_oriundos_1998-12-31.csv}
 *       (Windows-1252, typed in capitals) and {@code directorio_oriundos_2003-12-31.csv}, then
 *       IME snapshots {@code ime_directorio_YYYY-MM-DD.csv} from 2006-12-15 to 2019-12-13 (two in
 *       2010, none in 2012), a fifth of the published counts (441, 623, 570, ~850, 2,643).
 *       Clubs form, rename (same ID_ORGANIZACION, new NOMBRE) and deregister; federations and
 *       confederations are listed too. PRESIDENTE, TELEFONO and CORREO are fictitious
 *       ({@code Nombre Ficticio 1234}, {@code (555) 555-01xx}, {@code @example.org}).</li>
 *   <li>Consular activity {@code consulados_actividad_2016..2019.csv}: every US consulate, monthly.</li>
 *   <li>3x1 {@code 3x1_proyectos_2002..2019.csv}: the 2002 layout (Windows-1252) until 2012, the
 *       2013 layout (UTF-8) after; about 5,000 projects; and {@code 3x1_proyectos_2007_v2.csv},
 *       the corrected re-delivery that revises one project's amounts and cancels another.</li>
 *   <li>Surveys {@code survey_LNS_2006.csv} (2,000 respondents) and {@code survey_LNS_2016.csv}.</li>
 * </ul>
 *
 * <p>The faults ({@link org.oriundos.tools.sample.FaultKind}) are put on known rows and listed by
 * {@link org.oriundos.tools.sample.SampleExtracts#injectedFaults()}: TOTAL rows (skipped),
 * unreadable amounts, impossible dates, non-numbers, a missing weight and repeated FOLIOs
 * (rejected), and, loaded all the same, quoted cells with a comma and a line break, NFD accents,
 * a municipality no catalog has, amounts written every way, unpadded codes, an unknown column, BOMs
 * and CRLF line endings. No file comes near the 5% reject threshold.
 */
package org.oriundos.tools.sample;
