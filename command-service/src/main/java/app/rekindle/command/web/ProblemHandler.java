package app.rekindle.command.web;

import app.rekindle.command.journal.JournalRejection;
import app.rekindle.command.journal.JournalRejection.InvalidField;
import app.rekindle.command.journal.JournalRejection.ItemRejected;
import app.rekindle.command.journal.JournalRejection.JournalNotFound;
import app.rekindle.support.web.ProblemExceptionHandler;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error as RFC 9457 problem+json. Details name fields and rules, never the submitted text. */
@RestControllerAdvice
class ProblemHandler extends ProblemExceptionHandler {

    @ExceptionHandler(JournalRejection.class)
    ProblemDetail rejected(JournalRejection rejection) {
        if (rejection instanceof InvalidField invalid) {
            return Problems.invalid(List.of(Problems.error(invalid.field(), invalid.rule(), invalid.getMessage())));
        }
        if (rejection instanceof ItemRejected item) {
            return itemRejected(item);
        }
        HttpStatus status =
                switch (rejection.category()) {
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case NOT_READY -> HttpStatus.UNPROCESSABLE_CONTENT;
                };
        return Problems.of(status, rejection.problemType(), rejection.title(), rejection.getMessage());
    }

    /**
     * A batch's item: the rejection it would get alone, with the item's index as {@code item}; a field it breaks
     * is named by its path in the batch ({@code items[2].body.mood}; a date's id is the item's {@code entryId}).
     */
    private ProblemDetail itemRejected(ItemRejected item) {
        String prefix = "items[" + item.item() + "].";
        ProblemDetail problem = item.rejection() instanceof InvalidField invalid
                ? Problems.invalid(List.of(Problems.error(
                        prefix
                                + (invalid.field().equals("entryId")
                                                || invalid.field().equals("dateId")
                                        ? "entryId"
                                        : "body." + invalid.field()),
                        invalid.rule(),
                        item.getMessage())))
                : rejected(item.rejection());
        problem.setDetail(item.getMessage());
        problem.setProperty("item", item.item());
        return problem;
    }

    /** Never opened or erased: the same body as someone else's journal. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail missing() {
        return rejected(new JournalNotFound());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion() {
        return Problems.of(
                HttpStatus.CONFLICT,
                "version-conflict",
                "Version conflict",
                "The journal is not at the version named in If-Match; read it again and retry.");
    }

    /** Another request appended to the same journal at the same moment. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange() {
        return Problems.of(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "Concurrent change",
                "The journal changed while this request was handled; retry it.");
    }

    /** Axon wraps handler exceptions that cross a distributed bus; unwrap so they answer like local ones. */
    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        return switch (e.getCause()) {
            case JournalRejection rejection -> rejected(rejection);
            case AggregateNotFoundException notFound -> missing();
            case ConflictingAggregateVersionException stale -> staleVersion();
            case ConcurrencyException concurrent -> concurrentChange();
            case null, default -> throw e;
        };
    }

    @ExceptionHandler(InvalidHeader.class)
    ProblemDetail invalidHeader(InvalidHeader e) {
        return Problems.invalid(List.of(Problems.error(e.header(), "format", e.getMessage())));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Problems.error(
                        error.getField(),
                        rule(error.getCode()),
                        error.getField() + " " + error.getDefaultMessage() + "."))
                .collect(Collectors.toList());
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    /** A path or query parameter of the wrong type, such as a journal id that is not a UUID. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        return ResponseEntity.badRequest()
                .body(Problems.invalid(List.of(Problems.error(field, "type", field + " has the wrong format."))));
    }

    private static String rule(String constraint) {
        return switch (constraint == null ? "" : constraint) {
            case "NotNull" -> "required";
            case "NotBlank" -> "not-blank";
            case "Size" -> "max-length";
            case "Min", "Max" -> "range";
            default -> constraint == null ? "invalid" : constraint.toLowerCase();
        };
    }
}
