package app.rekindle.support.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error page, for requests refused before they reach the application (an encoded slash in the
 * path, a malformed request line, a header too large): problem+json instead of Tomcat's HTML, which also named
 * the server, and the security headers, which no filter had the chance to write.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code) == null || code == 501 || code == 505
                ? HttpStatus.BAD_REQUEST
                : HttpStatus.valueOf(code);
        try {
            // Tomcat answers 505 to an HTTP version it does not speak and 501 to a transfer coding it does not
            // know: requests no client of this API sends, refused like any other unreadable request. A 5xx
            // would count as this service failing (alerts, error budgets) when the fault is the request's.
            response.setStatus(status.value());
            SecurityHeaders.applyTo(response);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ProblemErrorController.problem(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer already started: nothing more can be said.
        }
    }
}
