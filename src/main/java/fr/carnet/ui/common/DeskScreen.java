package fr.carnet.ui.common;

import javafx.scene.Node;

/** A screen shown in a tab of the main window. */
public interface DeskScreen {
    Node node();

    String title();

    /** Ctrl+S: saves the screen's form, if it has one. */
    default void save() { }

    /** Keeps what is typed as a draft now (before the desk locks); forms that have drafts override it. */
    default void saveDraft() { }
    /** Ctrl+P: prints the screen's household summary, if it has one. */
    default void print() { }

    /** Called when records changed elsewhere (a form was saved). */
    default void refresh() { }

    /** The node that takes the focus when the screen is shown. */
    default Node initialFocus() {
        return null;
    }

    /** The household this screen belongs to, for Ctrl+N (new contact); null if none. */
    default String householdId() {
        return null;
    }
}
