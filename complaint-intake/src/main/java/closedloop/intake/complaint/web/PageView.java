package closedloop.intake.complaint.web;

import closedloop.intake.complaint.Complaint;
import closedloop.intake.complaint.ResultPage;

import java.util.List;

/**
 * A page of complaint summaries, newest first.
 *
 * @param page  the page, counting from 0
 * @param size  the page size asked for
 * @param total how many complaints match in all
 */
public record PageView(List<ComplaintSummary> items, int page, int size, long total) {

    static PageView of(ResultPage<Complaint> found) {
        return new PageView(found.items().stream().map(ComplaintSummary::of).toList(), found.page(), found.size(),
                found.total());
    }
}
