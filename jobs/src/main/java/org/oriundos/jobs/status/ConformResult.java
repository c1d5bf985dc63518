package org.oriundos.jobs.status;

import java.io.Serializable;

/** What {@code conform} did: the partitions it conformed, and the values no rule resolved (all of the lake's). */
public record ConformResult(int partitionsConformed, long unresolvedValues) implements Serializable {
}
