package io.posture.scoring.internal;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Writes an evaluation's pages in the background while the next page is evaluated, in two lanes:
 * a page's results, then what follows from them (its findings), the second lane one page behind
 * the first. The rules, the results' writes and the findings' writes each keep a core busy where
 * one after the other left one idle. Each lane takes its pages in order and at most one at a time
 * (memory stays a page or two ahead); a page's follow-up starts once its results are written; a
 * failure is thrown from the next call. Opened inside a caller's transaction, everything runs in
 * it, on the caller's thread.
 */
public final class PageWrites implements AutoCloseable {

    private static final ExecutorService WRITERS = Executors.newVirtualThreadPerTaskExecutor();

    private final boolean inCallersTransaction = TransactionSynchronizationManager.isActualTransactionActive();
    private CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> followed = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> followedBefore = CompletableFuture.completedFuture(null);

    /** Waits for the page being written and for the follow-up of the one before it, then starts this one. */
    public void write(Runnable page, Runnable followUp) {
        await(written);
        await(followedBefore);
        if (inCallersTransaction) {
            page.run();
            followUp.run();
            return;
        }
        written = CompletableFuture.runAsync(page, WRITERS);
        followedBefore = followed;
        followed = followed.runAfterBothAsync(written, followUp, WRITERS);
    }

    /** Waits for the last page and its follow-up; the evaluation goes on only once they are all stored. */
    @Override
    public void close() {
        await(written);
        await(followed);
    }

    private static void await(CompletableFuture<Void> lane) {
        try {
            lane.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while results were written", e);
        } catch (ExecutionException e) {
            var cause = e.getCause() instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : e.getCause();
            switch (cause) {
                case RuntimeException failure -> throw failure;
                case Error error -> throw error;
                default -> throw new IllegalStateException(cause);
            }
        }
    }
}
