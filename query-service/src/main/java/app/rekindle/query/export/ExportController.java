package app.rekindle.query.export;

import app.rekindle.query.access.ReadGate;
import app.rekindle.query.history.EventLog;
import app.rekindle.query.journals.JournalCalendars;
import app.rekindle.query.progress.ProgressQuery;
import app.rekindle.query.replay.WholeJournalReads;
import app.rekindle.query.timeline.TimelineEntries;
import app.rekindle.query.web.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
class ExportController {

    private enum Format {
        JSON(MediaType.APPLICATION_JSON, "json"),
        MARKDOWN(new MediaType("text", "markdown", StandardCharsets.UTF_8), "md"),
        CSV(new MediaType("text", "csv", StandardCharsets.UTF_8), "csv");

        final MediaType type;
        final String extension;

        Format(MediaType type, String extension) {
            this.type = type;
            this.extension = extension;
        }
    }

    private final EventLog log;
    private final ReadGate gate;
    private final WholeJournalReads reads;
    private final TimelineEntries entries;
    private final ProgressQuery progress;
    private final JournalCalendars calendars;

    ExportController(
            EventLog log,
            ReadGate gate,
            WholeJournalReads reads,
            TimelineEntries entries,
            ProgressQuery progress,
            JournalCalendars calendars) {
        this.log = log;
        this.gate = gate;
        this.reads = reads;
        this.entries = entries;
        this.progress = progress;
        this.calendars = calendars;
    }

    /**
     * The whole journal as a download; {@code format} is json (default), markdown or csv. The json export is
     * streamed page by page; markdown and csv are built in memory from every entry, so they take a turn among
     * the whole-journal reads.
     */
    @Operation(
            summary =
                    "Export the journal: its event history (json), a readable journal (markdown) or its entries (csv)")
    @GetMapping("/journals/{journalId}/export")
    ResponseEntity<StreamingResponseBody> export(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) Long minVersion) {
        Format chosen = parse(format);
        ResponseEntity<StreamingResponseBody> read = chosen == Format.JSON
                ? gate.read(
                        journalId,
                        jwt.getSubject(),
                        minVersion,
                        access -> JsonExport.of(journalId, access.version(), log))
                : reads.read(journalId, jwt.getSubject(), minVersion, access -> {
                    String text = chosen == Format.MARKDOWN
                            ? MarkdownExport.of(
                                    log.between(journalId, -1, 0).getFirst().decode(),
                                    calendars.of(journalId),
                                    entries.all(journalId),
                                    progress.steps(journalId))
                            : CsvExport.of(entries.all(journalId));
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    return out -> out.write(bytes);
                });
        return ResponseEntity.status(read.getStatusCode())
                .headers(read.getHeaders())
                .contentType(chosen.type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("journal-" + journalId + "." + chosen.extension)
                                .build()
                                .toString())
                .body(read.getBody());
    }

    private static Format parse(String format) {
        if (format == null) {
            return Format.JSON;
        }
        return switch (format) {
            case "json" -> Format.JSON;
            case "markdown" -> Format.MARKDOWN;
            case "csv" -> Format.CSV;
            default -> throw new InvalidParameter("format", "enum", "must be json, markdown or csv");
        };
    }
}
