package closedloop.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a validated access token into the caller: {@code preferred_username} is the name, {@code roles} the
 * authorities ({@code ROLE_…}), {@code branches} the dispatcher's branches. A token without a usable name, or with a
 * reserved one, is refused as invalid (401).
 */
public class TokenAuthentication implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    public static final String NAME_CLAIM = "preferred_username";
    public static final String ROLES_CLAIM = "roles";
    public static final String BRANCHES_CLAIM = "branches";

    private static final Set<String> ROLE_NAMES = Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromSupplier(() -> new JwtAuthenticationToken(jwt, authorities(jwt), nameOf(jwt)));
    }

    /** The caller a token names; the token has been accepted already. */
    public static Caller callerOf(Jwt jwt) {
        return new Caller(nameOf(jwt), rolesOf(jwt), Set.copyOf(listClaim(jwt, BRANCHES_CLAIM)));
    }

    private static String nameOf(Jwt jwt) {
        String name = jwt.getClaimAsString(NAME_CLAIM);
        if (!StringUtils.hasText(name)) {
            throw new BadJwtException("The token names no " + NAME_CLAIM);
        }
        if (name.length() > ReservedActors.MAX_LENGTH || ReservedActors.isReserved(name)) {
            throw new BadJwtException("The token's " + NAME_CLAIM + " may not be used");
        }
        return name.strip();
    }

    private static Set<Role> rolesOf(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        listClaim(jwt, ROLES_CLAIM).stream().filter(ROLE_NAMES::contains).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return rolesOf(jwt).stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    private static List<String> listClaim(Jwt jwt, String claim) {
        if (!jwt.hasClaim(claim)) {
            return List.of();
        }
        List<String> values = jwt.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }
}
