package app.rekindle.query.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final JsonMapper json;

    ProblemAccessDeniedHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemAuthenticationEntryPoint.write(json, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You may not do this.");
    }
}
