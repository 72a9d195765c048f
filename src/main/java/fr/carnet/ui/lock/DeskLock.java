package fr.carnet.ui.lock;

import fr.carnet.i18n.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Puts the {@link LockViewModel} to work on the main window. The scene's root is a host holding
 * the desk's content; locking first saves drafts, closes menus and dialogs, clears the
 * shortcuts and makes the title neutral, then replaces the content by the {@link LockPane} —
 * the case files leave the scene graph. Unlocking puts everything back as it was, focus included.
 * <p>
 * Lid close and session lock: JavaFX does not tell us portably. Where the OS announces them (Linux:
 * logind's Lock and PrepareForSleep, the screen saver, through {@link fr.carnet.platform.SessionWatch})
 * the desk locks at once; everywhere it also locks when the window is minimised (a setting) and
 * after the idle time; an OS that suspends also stops the clock-driven check, which locks on the
 * first tick after resume.
 */
public final class DeskLock {
    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    private final Stage stage;
    private final LockViewModel vm;
    private final Parent content;
    private final Runnable beforeLock;
    private final BooleanSupplier lockWhenIconified;
    private final StackPane host = new StackPane();
    private final LockPane pane;
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private final EventHandler<Event> activity;
    // Accelerators run while the scene iterates its map: lock (which edits the map) just after.
    private final Runnable lockLater;
    private final ChangeListener<Boolean> iconified;
    private final ChangeListener<Boolean> lockedListener = (o, was, now) -> {
        if (now) hide();
        else reveal();
    };
    private Scene scene;
    private fr.carnet.platform.SessionWatch sessionWatch;
    private Map<KeyCombination, Runnable> savedShortcuts = Map.of();
    private String savedTitle;
    private Node savedFocus;

    public DeskLock(Stage stage, LockViewModel vm, Parent content, Runnable beforeLock, BooleanSupplier lockWhenIconified) {
        this.stage = stage;
        this.vm = vm;
        this.content = content;
        this.beforeLock = beforeLock;
        this.lockWhenIconified = lockWhenIconified;
        this.pane = new LockPane(vm);
        this.activity = e -> vm.activity();
        this.lockLater = () -> javafx.application.Platform.runLater(vm::lock);
        host.setId("desk-lock-host");
        host.getChildren().add(content);
        ticker.setCycleCount(Animation.INDEFINITE);
        iconified = (o, was, now) -> {
            if (now && this.lockWhenIconified.getAsBoolean()) vm.lock();
        };
    }

    /** The node to make the scene's root. */
    public Parent root() {
        return host;
    }

    /** Starts watching the scene (activity, Ctrl+L) and the stage (minimised); the host must be its root. */
    public void attach(Scene scene) {
        this.scene = scene;
        scene.addEventFilter(KeyEvent.ANY, activity);
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, activity);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, activity);
        scene.addEventFilter(ScrollEvent.ANY, activity);
        scene.getAccelerators().put(SHORTCUT, lockLater);
        stage.iconifiedProperty().addListener(iconified);
        vm.lockedProperty().addListener(lockedListener);
        vm.activity();
        ticker.play();
        sessionWatch = fr.carnet.platform.SessionWatch.start(lockLater);
    }

    /** Stops watching (the window closes, or another store is opened). */
    public void detach() {
        ticker.stop();
        if (sessionWatch != null) {
            sessionWatch.close();
            sessionWatch = null;
        }
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.ANY, activity);
            scene.removeEventFilter(MouseEvent.MOUSE_MOVED, activity);
            scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, activity);
            scene.removeEventFilter(MouseEvent.MOUSE_DRAGGED, activity);
            scene.removeEventFilter(ScrollEvent.ANY, activity);
            scene.getAccelerators().remove(SHORTCUT);
        }
        stage.iconifiedProperty().removeListener(iconified);
        vm.lockedProperty().removeListener(lockedListener);
    }

    /** Runs one check now (the timeline does it every second). */
    public void tick() {
        vm.tick();
    }

    /** Locks just after the current event (the menu, Ctrl+L). */
    public void lockSoon() {
        lockLater.run();
    }

    public LockViewModel viewModel() {
        return vm;
    }

    private void hide() {
        try {
            beforeLock.run();
        } finally {
            // Menus, tooltips and dialogs over the window may show case data too.
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w == stage) continue;
                if (w instanceof PopupWindow || (w instanceof Stage s && s.getOwner() == stage)) w.hide();
            }
            savedFocus = scene == null ? null : scene.getFocusOwner();
            savedTitle = stage.getTitle();
            stage.setTitle(Messages.get("app.title"));
            if (scene != null) {
                savedShortcuts = new HashMap<>(scene.getAccelerators());
                scene.getAccelerators().clear();
            }
            host.getChildren().setAll(pane);
            // After the swap: menus leaving the scene take their accelerators (Ctrl+L too) with them.
            if (scene != null) scene.getAccelerators().put(SHORTCUT, lockLater);
            javafx.application.Platform.runLater(pane::focusPassphrase);
        }
    }

    private void reveal() {
        if (savedTitle != null) stage.setTitle(savedTitle);
        host.getChildren().setAll(content);
        if (scene != null) {
            scene.getAccelerators().clear();
            scene.getAccelerators().putAll(savedShortcuts);
            scene.getAccelerators().put(SHORTCUT, lockLater);
        }
        savedShortcuts = Map.of();
        Node f = savedFocus;
        savedFocus = null;
        if (f != null) javafx.application.Platform.runLater(f::requestFocus);
    }
}
