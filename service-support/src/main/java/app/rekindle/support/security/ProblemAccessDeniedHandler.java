package app.rekindle.support.security;

import app.rekindle.support.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as problem+json, for a valid token that may not do this (e.g. an admin command). */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemWriter.write(
                response,
                HttpStatus.FORBIDDEN,
                ProblemWriter.body(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not do this."));
    }
}
