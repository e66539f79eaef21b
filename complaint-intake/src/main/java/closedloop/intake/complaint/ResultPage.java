package closedloop.intake.complaint;

import java.util.List;

/**
 * One page of a search.
 *
 * @param items the complaints on this page, newest first
 * @param total how many complaints match in all
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {
}
