package io.posture.api;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The file an API upload carries: the request body as it is, whatever Content-Type the client
 * sent (curl's {@code -d} says form data, a bare client says nothing), or the single file of a
 * {@code multipart/form-data} body. Options come from the query string only, so no body is ever
 * parsed as form fields. At most {@code limit} bytes are read.
 */
record UploadBody(String fileName, byte[] bytes) {

    static UploadBody read(HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw new ScanUploadController.TooLarge(limit);
        }
        var contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/form-data")) {
            try {
                var files = request.getParts().stream().filter(part -> part.getSubmittedFileName() != null).toList();
                if (files.size() != 1) {
                    throw new IllegalArgumentException("A multipart upload carries exactly one file; this one has " + files.size());
                }
                try (var in = files.getFirst().getInputStream()) {
                    return new UploadBody(files.getFirst().getSubmittedFileName(), bounded(in, limit));
                }
            } catch (ServletException | IllegalStateException e) {
                throw new IllegalArgumentException("The multipart body could not be read: " + e.getMessage(), e);
            }
        }
        try (var in = request.getInputStream()) {
            return new UploadBody(null, bounded(in, limit));
        }
    }

    /** A query-string parameter, decoded; never a form field of the body. */
    static String query(HttpServletRequest request, String name, String fallback) {
        var query = request.getQueryString();
        if (query == null) {
            return fallback;
        }
        for (var pair : query.split("&")) {
            var equals = pair.indexOf('=');
            var key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return fallback;
    }

    String nameOr(String queryName) {
        return queryName != null ? queryName : fileName;
    }

    private static byte[] bounded(InputStream in, long limit) throws IOException {
        var bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new ScanUploadController.TooLarge(limit);
        }
        return bytes;
    }
}
