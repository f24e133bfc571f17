package io.posture.scoring.internal;

import io.posture.scoring.RecordedResult;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an evaluation's results as gzip-compressed JSON lines while they are produced, so a large
 * cluster's record costs its compressed size in memory, not its rows; and reads a record back.
 */
public final class EvaluationRecorder {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One JSON value per line, written straight into the compressed stream (no byte array per result). */
    private static final ObjectWriter LINES = JSON.writer().withRootValueSeparator("\n");

    private final String clusterName;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonGenerator results;
    private final ByteArrayOutputStream inputBytes = new ByteArrayOutputStream();
    private final JsonGenerator inputs;
    private int count;

    public EvaluationRecorder(String clusterName) {
        this.clusterName = clusterName;
        try {
            results = LINES.createGenerator(new GZIPOutputStream(bytes));
            inputs = LINES.createGenerator(new GZIPOutputStream(inputBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An object the evaluation read, as one JSON line: {@code kind}, {@code namespace}, {@code name} and its content. */
    public void addInput(tools.jackson.databind.node.ObjectNode object) {
        LINES.writeValue(inputs, object);
    }

    public void add(List<ResultRow> rows) {
        for (var result : rows) {
            var resource = result.resource();
            LINES.writeValue(results, new RecordedResult(clusterName, result.namespace(), resource.team(), resource.kind(),
                    resource.name(), result.benchmarkId(), result.sectionId(), result.policyVersion(), result.controlId(),
                    result.severity(), result.status(), result.evidence(), result.evaluatedAt()));
            count++;
        }
    }

    public EvaluationRecordEntity finish(Long clusterId, Instant evaluatedAt) {
        // closing a generator finishes its gzip stream
        results.close();
        inputs.close();
        return new EvaluationRecordEntity(clusterId, clusterName, evaluatedAt, count, Base64.getEncoder().encodeToString(bytes.toByteArray()),
                Base64.getEncoder().encodeToString(inputBytes.toByteArray()));
    }

    public static void read(EvaluationRecordEntity record, Consumer<RecordedResult> consumer) {
        lines(record.getResults(), line -> consumer.accept(JSON.readValue(line, RecordedResult.class)));
    }

    /** The objects the evaluation read, one JSON line each (none for records written before inputs were kept). */
    public static void readInputs(EvaluationRecordEntity record, Consumer<String> consumer) {
        if (record.getInputs() != null) {
            lines(record.getInputs(), consumer);
        }
    }

    private static void lines(String base64, Consumer<String> consumer) {
        try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(base64))), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                consumer.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
