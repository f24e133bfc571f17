package io.posture.ui;

import io.posture.collect.CollectionProgressed;
import io.posture.collect.ConnectionViews.Progress;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/** Hands collection progress to the open pages that listen, which push it to their browsers. */
@Component
public class ProgressBroadcaster {

    private final Set<Consumer<Progress>> listeners = new CopyOnWriteArraySet<>();

    public Runnable register(Consumer<Progress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void onProgress(CollectionProgressed event) {
        listeners.forEach(listener -> listener.accept(event.progress()));
    }
}
