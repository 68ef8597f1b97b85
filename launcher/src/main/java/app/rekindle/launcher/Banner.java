package app.rekindle.launcher;

import java.nio.file.Path;
import java.util.Locale;

/** What a person sees once everything is up: where to go, and a token to go there with. */
final class Banner {

    private static final String RULE = "-".repeat(78);

    private Banner() {}

    static String render(EmbeddedStack stack, Path dataDir) {
        String createJournal = "curl -s -X POST " + stack.commandUrl().resolve("/journals")
                + " -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json'"
                + " -d '{\"partnerName\":\"Sam\",\"intention\":\"Find our way back to each other\",\"timezone\":\"UTC\"}'";
        return String.join(
                "\n",
                RULE,
                String.format(
                        Locale.ROOT,
                        " Rekindle is running (started in %.1f s)",
                        stack.startupTime().toMillis() / 1000.0),
                "",
                " Command API  " + stack.commandUrl() + "   Swagger UI " + stack.commandSwaggerUrl(),
                " Query API    " + stack.queryUrl() + "   Swagger UI " + stack.querySwaggerUrl(),
                " Dashboard    " + stack.dashboardUrl() + "   (sign in with any user name, e.g. demo)",
                "",
                " Demo token (user \"demo\"; more from POST "
                        + stack.commandUrl().resolve("/dev/tokens") + "):",
                "   export TOKEN=" + stack.demoToken(),
                " Try:",
                "   " + createJournal,
                "",
                " Data is kept in " + dataDir + ". Ctrl-C stops everything.",
                RULE);
    }
}
