package org.oriundos.transform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 fingerprints, as the first 16 hex digits, like load ids. */
final class Fingerprints {
    private final MessageDigest sha;

    Fingerprints() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** Adds a labelled piece, so that moving bytes from one piece to the next changes the result. */
    Fingerprints add(String label, byte[] bytes) {
        sha.update(label.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
        return this;
    }

    Fingerprints add(String label, String value) {
        return add(label, (value == null ? "<none>" : value).getBytes(StandardCharsets.UTF_8));
    }

    String hex16() {
        return hex(sha.digest()).substring(0, 16);
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return s.toString();
    }
}
