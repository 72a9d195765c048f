package fr.carnet.report.indicators;

/**
 * The kinds of work the service offer sets references for, and how a contact (entretien) is
 * counted in one of them — from its mode, its request and its household's PIA:
 * <ol>
 *   <li>{@link #COLLECTIVE_ACTION}: an {@code OUTREACH} contact touching the domain
 *       {@code COLLECTIVE_LIFE} (workshops, group sessions, « aller vers » towards collective life),
 *       or a contact carrying the field {@code collective: true}. Carnet has no collective-action
 *       record yet; when it comes, its sessions will be counted here;</li>
 *   <li>{@link #ACCOMPANIMENT}: any other contact dated within a PIA of its household (a plan
 *       that is not a draft, from its start date to its closing date, or to today while active);</li>
 *   <li>{@link #RECEPTION_DIAGNOSIS}: everything else — reception at the centre, phone, e-mail,
 *       letters, home visits and outreach outside a PIA: welcoming, assessing the request
 *       (access to rights, optional aid, information, orientation, social emergency) and
 *       answering it.</li>
 * </ol>
 * Time is the contact's {@code durationMinutes}; a contact without a duration counts for nothing.
 */
public enum WorkKind {
    RECEPTION_DIAGNOSIS, ACCOMPANIMENT, COLLECTIVE_ACTION
}
