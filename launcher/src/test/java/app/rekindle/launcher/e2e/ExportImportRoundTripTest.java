package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.launcher.LauncherConfig;
import app.rekindle.launcher.ServiceJars;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal exported as json from one installation and imported into an empty one becomes a new journal there
 * (its own journal, entry and event ids, the original's id answered as importedFrom) with the same views:
 * timeline (with amendments and retractions), progress and analytics, answer for answer up to those ids.
 */
class ExportImportRoundTripTest {

    private final EmbeddedStack source = RunningStack.get();

    @Test
    void an_exported_journal_imported_into_an_empty_installation_or_its_own_becomes_a_new_journal_with_identical_views(
            @TempDir Path dataDir) throws Exception {
        Http commands = new Http(source.commandUrl(), Http.tokenFor(source, "dana-moves"));
        String journal = "/journals/"
                + commands.post(
                                "/journals",
                                "{\"partnerName\":\"Kim\",\"intention\":\"Start over\",\"timezone\":\"America/New_York\"}")
                        .body()
                        .get("journalId")
                        .asText();
        String talk = entry(commands.post(
                journal + "/conversations",
                "{\"occurredAt\":\"2026-10-05T23:30:00Z\","
                        + "\"topic\":\"Money\",\"initiatedBy\":\"PARTNER\",\"minutes\":30,\"feltHeard\":2,\"listenedWell\":3,"
                        + "\"outcome\":\"UNRESOLVED\",\"notes\":\"Tense\"}"));
        commands.post(
                journal + "/conversations",
                "{\"occurredAt\":\"2026-10-19T18:00:00Z\",\"topic\":\"Money again\","
                        + "\"initiatedBy\":\"ME\",\"minutes\":50,\"feltHeard\":4,\"listenedWell\":4,\"outcome\":\"RESOLVED\"}");
        String gesture = entry(commands.post(
                journal + "/gestures",
                "{\"occurredAt\":\"2026-10-21T12:00:00Z\",\"kind\":\"SMALL_GESTURE\",\"description\":\"Flowers\"}"));
        commands.post(
                journal + "/personal-time",
                "{\"occurredAt\":\"2026-10-26T09:00:00Z\",\"whose\":\"MINE\",\"pursuit\":\"Running\",\"minutes\":60}");
        commands.post(journal + "/check-ins", "{\"mood\":2,\"connection\":2,\"occurredAt\":\"2026-10-06T20:00:00Z\"}");
        commands.post(journal + "/check-ins", "{\"mood\":4,\"connection\":4,\"occurredAt\":\"2026-10-27T20:00:00Z\"}");
        commands.post(journal + "/steps/communicate-openly/completion", "{\"summary\":\"We talk about money now\"}");
        commands.post(
                journal + "/entries/" + talk + "/amendment",
                "{\"changes\":{\"feltHeard\":3,\"topic\":\"Money and plans\"},\"reason\":\"remembered better\"}");
        long version = commands.delete(journal + "/entries/" + gesture)
                .body()
                .get("version")
                .asLong();
        String export = rawGet(source.queryUrl(), commands, journal + "/export?format=json&minVersion=" + version);

        try (EmbeddedStack empty = EmbeddedStack.start(freshInstallation(dataDir))) {
            Http target = new Http(empty.commandUrl(), Http.tokenFor(empty, "dana-moves"));
            assertSameViews(
                    new Http(source.queryUrl(), commands.token()),
                    journal,
                    talk,
                    version,
                    target.post("/journals/import", export),
                    new Http(empty.queryUrl(), target.token()));
        }
        // Imported again where it came from, it is a second journal beside the first, with the same views.
        assertSameViews(
                new Http(source.queryUrl(), commands.token()),
                journal,
                talk,
                version,
                commands.post("/journals/import", export),
                new Http(source.queryUrl(), commands.token()));
    }

    private static void assertSameViews(
            Http before, String journal, String talk, long version, Http.Answer imported, Http after) {
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.body().get("version").asLong()).isEqualTo(version);
        String original = journal.substring("/journals/".length());
        assertThat(imported.body().get("importedFrom").asText()).isEqualTo(original);
        // The import is a new journal: the same views under its own journal, entry and event ids.
        SameUpToIds ids =
                new SameUpToIds(original, imported.body().get("journalId").asText());
        for (String view : new String[] {
            "",
            "/timeline?includeRetracted=true&limit=100",
            "/progress",
            "/analytics?bucket=WEEK",
            "/entries/" + talk,
            "/history?limit=100"
        }) {
            String read = journal + view + (view.contains("?") ? "&" : "?") + "minVersion=" + version;
            JsonNode reproduced = after.get(ids.inCopy(read)).body();
            ids.assertSame(view, before.get(read).body(), reproduced);
        }
    }

    private static LauncherConfig freshInstallation(Path dataDir) {
        ServiceJars jars = ServiceJars.locate(System.getProperties());
        return LauncherConfig.onFreePorts(dataDir, "rekindle.journal-events", 3, "384m", jars, true);
    }

    private static String entry(Http.Answer answer) {
        assertThat(answer.status()).isEqualTo(201);
        return answer.body().get("entryId").asText();
    }

    private static String rawGet(URI base, Http as, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .header("Authorization", "Bearer " + as.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
