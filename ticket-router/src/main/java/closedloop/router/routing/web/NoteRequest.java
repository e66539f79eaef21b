package closedloop.router.routing.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A progress note on a ticket. */
public record NoteRequest(@NotBlank @Size(max = 2000) String note) {
}
