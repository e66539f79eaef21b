package closedloop.platform.deadletter;

import closedloop.platform.security.AccessRule;
import closedloop.platform.security.Actor;
import closedloop.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * The dead letters of this service's consumer groups, for administrators: list them, replay one or all of them to
 * the group that failed, discard one with a reason. Every service with listeners answers it for its own groups.
 */
@RestController
@RequestMapping(DeadLetterController.PATH)
public class DeadLetterController {

    static final String PATH = "/api/v1/dead-letters";

    /** Who may call what here, for each service's access table: administrators only. */
    public static final List<AccessRule> ACCESS = List.of(
            AccessRule.allow(GET, PATH, Role.ADMIN),
            AccessRule.allow(GET, PATH + "/{id}", Role.ADMIN),
            AccessRule.allow(POST, PATH + "/{id}/replay", Role.ADMIN),
            AccessRule.allow(POST, PATH + "/{id}/discard", Role.ADMIN),
            AccessRule.allow(POST, PATH + "/_replay", Role.ADMIN));

    private final DeadLetterBox box;

    public DeadLetterController(DeadLetterBox box) {
        this.box = box;
    }

    /** This service's dead letters, oldest first per dead-letter partition, by topic, consumer group and state. */
    @GetMapping
    public Mono<List<DeadLetter>> list(@RequestParam(required = false) String topic,
                                       @RequestParam(required = false) String group,
                                       @RequestParam(required = false) DeadLetterState state) {
        return box.list(topic, group, state);
    }

    /** One dead letter; 404 when this service has none with this id. */
    @GetMapping("/{id}")
    public Mono<DeadLetter> one(@PathVariable String id) {
        return box.find(id);
    }

    /** Sends it back to the consumer group that failed on it; 409 once it was replayed or discarded. */
    @PostMapping("/{id}/replay")
    public Mono<DeadLetter> replay(@PathVariable String id, @Actor String actor) {
        return box.replay(id, actor);
    }

    /** Gives it up, saying why; 409 once it was replayed or discarded. */
    @PostMapping("/{id}/discard")
    public Mono<DeadLetter> discard(@PathVariable String id, @Valid @RequestBody Discard discard,
                                    @Actor String actor) {
        return box.discard(id, actor, discard.reason());
    }

    /** Replays every open dead letter the body selects (all of this service's when it names nothing). */
    @PostMapping("/_replay")
    public Mono<Replayed> replayAll(@RequestBody(required = false) Selection selection, @Actor String actor) {
        Selection selected = selection == null ? new Selection(null, null) : selection;
        return box.replayAll(selected.topic(), selected.group(), actor).map(Replayed::new);
    }

    /** Why a dead letter is given up. */
    public record Discard(@NotBlank @Size(max = 500) String reason) {
    }

    /** Which open dead letters to replay: of a topic, of a consumer group, or both; null for any. */
    public record Selection(String topic, String group) {
    }

    /** How many dead letters were sent back. */
    public record Replayed(int replayed) {
    }
}
