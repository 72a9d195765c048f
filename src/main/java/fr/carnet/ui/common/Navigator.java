package fr.carnet.ui.common;

/** What a screen may ask the main window to open; the main window decides how (a tab). */
public interface Navigator {
    void openHousehold(String householdId);

    void newHousehold();

    void addPerson(String householdId);

    void newContact(String householdId);

    /** Opens the person form on an existing person, filled with their current values. */
    void editPerson(String householdId, String personId);

    /** Opens the household's situation (label, address, housing, notes) for editing. */
    void editHousehold(String householdId);

    /** Opens the contact form on an existing contact, filled with its current values. */
    void editContact(String householdId, String contactId);

    void planVisit(String householdId);

    /** Opens the visit form on a planned visit (day, time, purpose), filled with its current values. */
    void editVisit(String householdId, String visitId);

    /** Opens the aid form on an existing request, filled with its current values. */
    void editAid(String householdId, String aidId);

    void openPlan(String householdId, String planId);

    void newAid(String householdId);

    void openAgenda();

    /** Closes the current screen (a form after saving). */
    void closeCurrent();

    /** Tells open screens that records changed (a saved form refreshes the lists). */
    void changed();
}
