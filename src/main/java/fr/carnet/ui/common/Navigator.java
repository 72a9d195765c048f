package fr.carnet.ui.common;

/** What a screen may ask the main window to open; the main window decides how (a tab). */
public interface Navigator {
    void openHousehold(String householdId);

    void newHousehold();

    void addPerson(String householdId);

    void newContact(String householdId);

    void planVisit(String householdId);

    void openPlan(String householdId, String planId);

    void newAid(String householdId);

    void openAgenda();

    /** Closes the current screen (a form after saving). */
    void closeCurrent();

    /** Tells open screens that records changed (a saved form refreshes the lists). */
    void changed();
}
