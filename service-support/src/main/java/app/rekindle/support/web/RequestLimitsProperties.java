package app.rekindle.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much one request may send (docs/configuration.md, "Limits"). Field lengths are each endpoint's own
 * rules; these bound what reaches them at all.
 *
 * @param maxBodySize        largest request body (a command carries at most a few 4000-character texts)
 * @param maxImportSize      largest body of an import ({@code POST …/import}), a whole journal's export
 * @param maxParameterLength longest value of one query parameter
 */
@ConfigurationProperties("rekindle.limits")
public record RequestLimitsProperties(DataSize maxBodySize, DataSize maxImportSize, Integer maxParameterLength) {

    public RequestLimitsProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
        maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(16) : maxImportSize;
        maxParameterLength = maxParameterLength == null ? 4000 : maxParameterLength;
    }
}
