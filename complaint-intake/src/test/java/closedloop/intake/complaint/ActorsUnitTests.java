package closedloop.intake.complaint;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every catalogued event that names a person gives its actor to the timeline; the others give none. */
class ActorsUnitTests {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void takesTheActorOfEveryEventTypeThatHasOne(EventType type) throws ReflectiveOperationException {
        ClosedLoopEvent golden = Golden.event(type);
        Optional<RecordComponent> actor = Arrays.stream(type.recordType().getRecordComponents())
                .filter(component -> component.getName().equals("actor"))
                .findFirst();

        if (actor.isPresent()) {
            Object expected = actor.get().getAccessor().invoke(golden);
            assertThat(expected).as("golden actor of %s", type.id()).isNotNull();
            assertThat(Actors.of(golden)).isEqualTo(expected);
        } else {
            assertThat(Actors.of(golden)).isNull();
        }
    }
}
