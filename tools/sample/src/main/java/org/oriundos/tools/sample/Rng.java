package org.oriundos.tools.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic randomness for the sample extracts. Every stream is derived from the seed and a
 * label (and an index), never from the order things were generated in, so one club, one file or
 * one row can be recreated on its own: that is what lets the generator stream without keeping
 * anything it wrote. {@link SplittableRandom}'s algorithm is fixed by the JDK specification, so the
 * same seed gives the same bytes on every JVM.
 */
final class Rng {
    private final SplittableRandom random;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A stream for {@code label}, independent of every other label's. */
    static Rng of(long seed, String label) {
        return new Rng(mix(seed, label.hashCode()));
    }

    /** A stream for item {@code index} of {@code label} (a club, a row). */
    static Rng of(long seed, String label, long index) {
        return new Rng(mix(mix(seed, label.hashCode()), index));
    }

    /** SplitMix64's finaliser: a good spread of nearby inputs. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Between {@code from} and {@code to}, both included. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    long nextLong(long bound) {
        return random.nextLong(bound);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A normally distributed value (Box-Muller), for log-normal amounts and weights. */
    double gaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** An index chosen with probability proportional to its weight. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
