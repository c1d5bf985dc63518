package org.oriundos.tools.sample;

/**
 * One fault the generator put into a file on purpose, where the pipeline will report it.
 *
 * @param fileName the file's name
 * @param line     the physical line the faulty record starts on (the header is line 1)
 * @param kind     the fault
 * @param column   the header of the faulty cell as written in the file, or null for a whole-row fault
 * @param value    the faulty value as written, or null
 */
public record InjectedFault(String fileName, long line, FaultKind kind, String column, String value) {
}
