package app.rekindle.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The dashboard's copy of oidc-client-ts (no webjar of it exists) is exactly what
 * scripts/vendor-oidc-client-ts.sh makes from the npm tarball whose sha512 it checks: a changed byte fails here.
 */
class VendoredScriptTest {

    private static final String DIRECTORY = "static/vendor/oidc-client-ts/3.5.0/";
    /** sha256 of dist/browser/oidc-client-ts.min.js of oidc-client-ts 3.5.0 without its sourceMappingURL line. */
    private static final String SHA256 = "cacca0237e5c2959711767910dd37ea9294b5de5cd815f4dc82c4c7d0f05fa9e";

    @Test
    void the_committed_library_is_the_one_the_script_vendors() throws Exception {
        byte[] script = read(DIRECTORY + "oidc-client-ts.min.js");

        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script)))
                .isEqualTo(SHA256);
        // No pointer to a source map the service does not serve.
        assertThat(new String(script, StandardCharsets.UTF_8)).doesNotContain("sourceMappingURL");
    }

    @Test
    void its_licence_travels_with_it() throws Exception {
        assertThat(new String(read(DIRECTORY + "LICENSE"), StandardCharsets.UTF_8))
                .contains("Apache License")
                .contains("Version 2.0");
    }

    @Test
    void the_page_loads_it_like_chart_js_before_its_own_modules_run() throws Exception {
        String page = new String(read("static/index.html"), StandardCharsets.UTF_8);

        assertThat(page).contains("<script src=\"/vendor/oidc-client-ts/3.5.0/oidc-client-ts.min.js\" defer></script>");
        assertThat(page.indexOf("oidc-client-ts.min.js"))
                .isLessThan(page.indexOf("<script type=\"module\" src=\"/dashboard/app.js\">"));
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
