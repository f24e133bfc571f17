package io.posture.cli;

import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.Control;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code benchmarks}: the built-in benchmarks {@code scan --benchmark} takes, with their policy
 * version or edition and how many of their controls files can decide (the rest need a node report
 * or a person's attestation).
 */
final class BenchmarksCommand {

    private static final String ROW = "%-16s %-10s %8s %10s %8s  %s%n";

    private final PrintStream out;
    private final PrintStream err;

    BenchmarksCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length > 0) {
            err.println("posture benchmarks: takes no arguments, not " + String.join(" ", args));
            err.println("usage: posture benchmarks");
            return ScanCommand.ERROR;
        }
        out.printf(Locale.ROOT, ROW, "ID", "VERSION", "CONTROLS", "FROM FILES", "REPORTS", "TITLE");
        for (var benchmark : new BenchmarkCatalog().all()) {
            long rules = benchmark.controls().filter(control -> control.source() == Control.Source.RULE).count();
            long reports = benchmark.controls().filter(control -> control.source() == Control.Source.REPORT).count();
            out.printf(Locale.ROOT, ROW, benchmark.id(),
                    benchmark.edition() != null ? benchmark.edition() : benchmark.latestVersion().toString(),
                    benchmark.controls().count(), rules, reports, benchmark.title());
        }
        out.println("scan with: posture scan PATH --benchmark ID[,ID...]  (the Pod Security Standards take ID@VERSION)");
        return ScanCommand.OK;
    }
}
