package closedloop.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The person making the request, as a {@code String} controller parameter: {@code @Actor String actor}. Every state
 * change is audited under this name. {@link ActorArgumentResolver} is the one place that knows where it comes from.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Actor {
}
