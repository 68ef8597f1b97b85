package app.rekindle.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The PEM text form of DER-encoded keys (RFC 7468), as Spring Security and openssl read them. */
record Pem(String label) {

    static final Pem PRIVATE_KEY = new Pem("PRIVATE KEY");
    static final Pem PUBLIC_KEY = new Pem("PUBLIC KEY");

    // RFC 7468 wants 64-character lines; MIME's default is 76.
    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    String encode(byte[] der) {
        return "-----BEGIN " + label + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    byte[] decode(String pem) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Not a PEM " + label);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
