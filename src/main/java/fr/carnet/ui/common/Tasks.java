package fr.carnet.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the desk runs work off the FX thread: a small fluent builder over
 * {@link javafx.concurrent.Task} (success and failure callbacks run on the FX thread), and the
 * {@link Async} the ViewModels use.
 */
public final class Tasks implements Async {
    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "carnet-desk-bg-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    public static final Tasks INSTANCE = new Tasks();

    private Tasks() {}

    public static <T> Builder<T> create(Supplier<T> work) {
        return new Builder<>(work);
    }

    @Override
    public <T> void run(Supplier<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        create(work).onSuccess(onSuccess::accept).onError(onError).start();
    }

    public static final class Builder<T> {
        private final Supplier<T> work;
        private Consumer<T> onSuccess = r -> { };
        private Consumer<Throwable> onError = e -> LOG.error("background task failed", e);

        private Builder(Supplier<T> work) {
            this.work = work;
        }

        public Builder<T> onSuccess(Consumer<T> c) {
            onSuccess = c;
            return this;
        }

        public Builder<T> onError(Consumer<Throwable> c) {
            onError = c;
            return this;
        }

        public Task<T> start() {
            Task<T> t = new Task<>() {
                @Override
                protected T call() {
                    return work.get();
                }
            };
            t.setOnSucceeded(e -> onSuccess.accept(t.getValue()));
            t.setOnFailed(e -> {
                // Exceptions from the store carry no personal data (bundle messages, ids).
                LOG.debug("background task failed", t.getException());
                onError.accept(t.getException());
            });
            POOL.execute(t);
            return t;
        }
    }
}
