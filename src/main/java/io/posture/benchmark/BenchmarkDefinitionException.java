package io.posture.benchmark;

import java.util.List;
import java.util.stream.Collectors;

/** A benchmark definition that cannot be used, with every problem found and the line it is on. */
public class BenchmarkDefinitionException extends RuntimeException {

    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    private final List<Problem> problems;

    public BenchmarkDefinitionException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
