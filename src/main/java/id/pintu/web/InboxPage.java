package id.pintu.web;

import java.util.List;

/**
 * What one inbox page shows.
 *
 * @param rows the open tasks matching the filter, in its order, at most {@code pintu.web.inbox-limit}
 * @param total every open task of the actor, whatever the filter
 * @param more whether more tasks match than the page lists (the page asks to narrow the search)
 * @param steps the step numbers of the actor's open tasks, for the filter
 * @param sops the SOP codes of the actor's open tasks, for the filter
 */
record InboxPage(List<InboxRow> rows, long total, boolean more, List<Integer> steps, List<String> sops) {
}
