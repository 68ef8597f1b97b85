package app.rekindle.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a person sees once everything is up: where to go, and how to get a token there — an account of their own
 * (sign-up page, then the device authorization grant for scripts), or in demo mode a token ready to paste.
 */
final class Banner {

    private static final String RULE = "-".repeat(78);
    private static final String DEMO_RULE = "!".repeat(78);

    private Banner() {}

    static String render(EmbeddedStack stack, Path dataDir) {
        List<String> lines = new ArrayList<>();
        lines.add(stack.demo() ? DEMO_RULE : RULE);
        if (stack.demo()) {
            lines.add(" DEMO MODE — anyone on this machine can get a token for any name");
            lines.add(" (POST " + stack.identityUrl().resolve("/demo/tokens") + "). Not for journals you keep.");
            lines.add(DEMO_RULE);
        }
        lines.add(String.format(
                Locale.ROOT,
                " Rekindle is running (started in %.1f s)",
                stack.startupTime().toMillis() / 1000.0));
        lines.add("");
        lines.add(" Command API  " + stack.commandUrl() + "   Swagger UI " + stack.commandSwaggerUrl());
        lines.add(" Query API    " + stack.queryUrl() + "   Swagger UI " + stack.querySwaggerUrl());
        lines.add(" Dashboard    " + stack.dashboardUrl());
        lines.add(" Sign-in      " + stack.identityUrl()
                + (stack.runsIdentityService() ? "" : "   (external identity provider)"));
        lines.add("");
        if (stack.demo()) {
            lines.add(" Demo token (user \"demo\"):");
            lines.add("   export TOKEN=" + stack.demoToken());
        } else {
            if (stack.runsIdentityService()) {
                lines.add(" Create an account: " + stack.signUpUrl());
            }
            lines.add(" A token for curl (device authorization grant; approve in the browser):");
            lines.addAll(deviceGrant(stack.identityUrl()));
        }
        lines.add(" Try:");
        lines.add(
                "   curl -s -X POST " + stack.commandUrl().resolve("/journals")
                        + " -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json'"
                        + " -d '{\"partnerName\":\"Sam\",\"intention\":\"Find our way back to each other\",\"timezone\":\"UTC\"}'");
        lines.add("");
        lines.add(" Data is kept in " + dataDir + ". Ctrl-C stops everything.");
        lines.add(RULE);
        return String.join("\n", lines);
    }

    private static List<String> deviceGrant(URI identity) {
        return List.of(
                "   I=" + identity,
                "   curl -s -d client_id=rekindle-cli -d scope=journals $I/oauth2/device_authorization > device.json",
                "   jq -r .verification_uri_complete device.json   # open it, sign in, approve",
                "   export TOKEN=$(curl -s -d grant_type=urn:ietf:params:oauth:grant-type:device_code"
                        + " -d device_code=$(jq -r .device_code device.json) -d client_id=rekindle-cli"
                        + " $I/oauth2/token | jq -r .access_token)");
    }
}
