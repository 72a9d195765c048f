package fr.carnet.ui.app;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.platform.CrashReport;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's last resort for an uncaught exception: the report (classes and stack frames, no
 * personal data, see {@link CrashReport}) goes to the local log file, and a dialog offers to copy
 * it for the support team. No telemetry.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    // looked up when needed: installing the handler must not wait for logging's set-up (see CarnetLauncher)
    private static Logger log() {
        return LoggerFactory.getLogger(CrashHandler.class);
    }

    private final AtomicBoolean showing = new AtomicBoolean();

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        String details = CrashReport.details(t.getName(), e);
        log().error("Uncaught exception\n{}", details);
        try {
            if (Platform.isFxApplicationThread()) show(details);
            else Platform.runLater(() -> show(details));
        } catch (IllegalStateException toolkitGone) {
            log().debug("no toolkit to show the crash dialog");
        }
    }

    private void show(String details) {
        // One dialog at a time: a failure repeating on every pulse must not stack windows.
        if (!showing.compareAndSet(false, true)) return;
        try {
            dialog(details).showAndWait();
        } finally {
            showing.set(false);
        }
    }

    /** The error dialog: what happened in plain words, the details, and « Copier les détails ». */
    static Alert dialog(String details) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setTitle(Messages.get("security.crash.title"));
        a.setHeaderText(Messages.get("security.crash.header"));
        a.setContentText(Messages.get("security.crash.body"));
        TextArea area = new TextArea(details);
        area.setId("crash-details");
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(12);
        area.getStyleClass().add(Styles.TEXT_SMALL);
        area.setAccessibleText(Messages.get("security.crash.details"));
        a.getDialogPane().setExpandableContent(area);
        ButtonType copy = new ButtonType(Messages.get("security.crash.copy"), ButtonBar.ButtonData.LEFT);
        a.getButtonTypes().setAll(copy, ButtonType.CLOSE);
        a.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, ev -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(details);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            ev.consume(); // keep the dialog open
        });
        return a;
    }
}
