package io.posture.scoring.internal;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes an evaluation's pages of results in the background while the next page is evaluated: the
 * rules and H2's writes each keep a core busy. At most one page is being written at a time (memory
 * stays one page ahead), pages are written in order, and a write's failure is thrown from the next
 * call. Opened inside a caller's transaction, the writes run in it, on the caller's thread.
 */
public final class PageWrites implements AutoCloseable {

    private static final ExecutorService WRITERS = Executors.newVirtualThreadPerTaskExecutor();

    private final boolean inCallersTransaction = TransactionSynchronizationManager.isActualTransactionActive();
    private Future<?> writing = CompletableFuture.completedFuture(null);

    /** Waits for the page being written, then starts this one. */
    public void write(Runnable page) {
        awaitWriting();
        if (inCallersTransaction) {
            page.run();
        } else {
            writing = WRITERS.submit(page);
        }
    }

    /** Waits for the last page; the evaluation goes on only once its results are all stored. */
    @Override
    public void close() {
        awaitWriting();
    }

    private void awaitWriting() {
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while results were written", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException failure -> throw failure;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }
}
