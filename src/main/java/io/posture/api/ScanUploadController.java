package io.posture.api;

import io.posture.collect.ImageScans;
import io.posture.collect.ImageScans.ImportResult;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Vulnerability scan reports from pipelines: {@code POST /api/v1/scans} with the Trivy or Grype
 * JSON as the request body (or the one file of a multipart body). The body is read only up to the
 * size limit; a bigger or malformed report is refused with a 4xx problem and nothing is stored.
 */
@RestController
@RequestMapping("/api/v1")
class ScanUploadController {

    private final ImageScans scans;

    ScanUploadController(ImageScans scans) {
        this.scans = scans;
    }

    @PostMapping(path = "/scans", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportResult> upload(HttpServletRequest request) throws IOException {
        var upload = UploadBody.read(request, scans.maxFileBytes());
        var name = upload.nameOr(UploadBody.query(request, "name", null));
        return ResponseEntity.status(HttpStatus.CREATED).body(scans.upload(name == null ? "scan.json" : name, upload.bytes()));
    }

    /** A body over the size limit: 413, before it is read to the end. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("The upload is larger than " + (limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB")
                    + ", the most Posture accepts");
        }
    }
}
