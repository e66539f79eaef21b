package closedloop.escalation.problem.web;

import closedloop.contracts.Category;
import closedloop.platform.web.OneOf;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A problem a supervisor opens by hand: its title, the category and district of its complaints (later complaints of
 * that kind are linked to it) and the complaints it starts with (at least one, each known and not in another open
 * problem).
 */
public record OpenProblemRequest(@NotBlank @Size(max = 200) String title,
                                 @NotNull @OneOf(Category.class) String category,
                                 @NotBlank @Size(max = 100) String district,
                                 @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 100) String> complaintIds) {
}
