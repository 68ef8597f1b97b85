package app.rekindle.support.security;

import app.rekindle.support.web.ProblemWriter;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;
import tools.jackson.databind.json.JsonMapper;

/** Refuses a cross-origin request from an origin not allowed with a 403 problem, not Spring's plain text. */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody()
                .write(JSON.writeValueAsBytes(ProblemWriter.body(
                        HttpStatus.FORBIDDEN,
                        "cross-origin-refused",
                        "Cross-origin request refused",
                        "This origin may not call this service from a browser.")));
        response.flush();
    }
}
