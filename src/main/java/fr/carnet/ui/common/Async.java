package fr.carnet.ui.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a ViewModel runs store work off the FX thread. The application passes {@link Tasks}
 * (a background thread, results back on the FX thread); tests pass {@link #direct()}.
 */
public interface Async {
    <T> void run(Supplier<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError);

    /** Runs the work and its callback on the calling thread: for tests without the toolkit. */
    static Async direct() {
        return new Async() {
            @Override
            public <T> void run(Supplier<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
                T r;
                try {
                    r = work.get();
                } catch (RuntimeException e) {
                    onError.accept(e);
                    return;
                }
                onSuccess.accept(r);
            }
        };
    }
}
