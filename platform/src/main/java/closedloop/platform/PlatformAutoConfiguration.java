package closedloop.platform;

import closedloop.contracts.Topics;
import closedloop.platform.api.ApiDescriptions;
import closedloop.platform.domain.RaceRetry;
import closedloop.platform.domain.RaceRetryProperties;
import closedloop.platform.kafka.ClosedLoopKafkaProperties;
import closedloop.platform.kafka.DeadLetters;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.HeldPartitions;
import closedloop.platform.kafka.InstanceListener;
import closedloop.platform.kafka.InstanceListenerContainerFactory;
import closedloop.platform.kafka.StaticMembership;
import closedloop.platform.kafka.UnknownEventTypes;
import closedloop.platform.observability.ComplaintIdRequestFilter;
import closedloop.platform.observability.LoopMetrics;
import closedloop.platform.outbox.OutboxGauges;
import closedloop.platform.outbox.OutboxRelay;
import closedloop.platform.outbox.OutboxSource;
import closedloop.platform.security.AccessRules;
import closedloop.platform.security.ActorArgumentResolver;
import closedloop.platform.web.FilterProblems;
import closedloop.platform.web.MaskedAccessLog;
import closedloop.platform.web.ProblemDetailsAdvice;
import closedloop.platform.web.RequestBounds;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Wires what every service shares; each bean backs off when the service declares its own. It runs before WebFlux's
 * auto-configuration so that Boot's own problem-details handler backs off in favour of {@link ProblemDetailsAdvice}.
 */
@AutoConfiguration(before = {KafkaAutoConfiguration.class, WebFluxAutoConfiguration.class})
@EnableConfigurationProperties({ClosedLoopKafkaProperties.class, RaceRetryProperties.class})
public class PlatformAutoConfiguration {

    /** The one clock every rule reads; tests replace it with one they move. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Hides credentials in {@code /actuator/env} and {@code /actuator/configprops} even where an operator lets them
     * show values ({@code management.endpoint.env.show-values}): whatever Boot judges likely sensitive (keys ending in
     * password, secret, key or token, holding credentials, and URIs), and every user name.
     */
    @Bean
    SanitizingFunction credentialsNeverShown() {
        return SanitizingFunction.sanitizeValue().ifLikelySensitive().ifKeyEndsWith("username");
    }

    /** The access log, when {@code closedloop.access-log} is on: a line per request, phone numbers masked. */
    @Bean
    @ConditionalOnProperty(name = "closedloop.access-log", havingValue = "true")
    NettyServerCustomizer maskedAccessLog() {
        return server -> server.accessLog(true, new MaskedAccessLog());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    FilterProblems filterProblems(ServerCodecConfigurer codecs) {
        return new FilterProblems(codecs);
    }

    /** Query parameters and {@code X-Actor} of a sane length, checked before anything else reads them. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    RequestBounds requestBounds(FilterProblems problems) {
        return new RequestBounds(problems);
    }

    /** The complaint a request names, in the MDC of its log lines (docs/observability.md). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    ComplaintIdRequestFilter complaintIdRequestFilter() {
        return new ComplaintIdRequestFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Makes {@code @Actor String actor} controller parameters name the person making the request. */
    @Bean
    WebFluxConfigurer actorArguments() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new ActorArgumentResolver());
            }
        };
    }

    /**
     * The service's OpenAPI description at {@code /v3/api-docs}: its name and version, the bearer-token scheme, the
     * problem answers and the roles of each operation (docs/api.md).
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    ApiDescriptions apiDescriptions(@Value("${spring.application.name}") String service,
                                    ObjectProvider<AccessRules> rules,
                                    @Value("${closedloop.rate-limits.enabled:true}") boolean rateLimited) {
        return new ApiDescriptions(service, ApiDescriptions.buildVersion(), rules.getIfAvailable(AccessRules::of),
                rateLimited);
    }

    @Bean
    @ConditionalOnMissingBean
    RaceRetry raceRetry(RaceRetryProperties properties) {
        return new RaceRetry(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    EventReceiver eventReceiver(ClosedLoopKafkaProperties properties, UnknownEventTypes unknownTypes) {
        return new EventReceiver(properties, unknownTypes);
    }

    @Bean
    @ConditionalOnMissingBean
    UnknownEventTypes unknownEventTypes(MeterRegistry registry) {
        return new UnknownEventTypes(registry);
    }

    /**
     * The partitions held by a record being retried: told by the error handler and, as the container's record
     * interceptor, by every record handled; shown in the health endpoint as {@code listeners}.
     */
    @Bean
    @ConditionalOnMissingBean
    HeldPartitions heldPartitions(MeterRegistry registry, Clock clock) {
        return new HeldPartitions(registry, clock);
    }

    @Bean
    @ConditionalOnMissingBean(name = "listenersHealthIndicator")
    HealthIndicator listenersHealthIndicator(HeldPartitions held) {
        return () -> Health.up().withDetail("held", held.now()).build();
    }

    /** Every topic and its dead-letter twin, created if missing; creating them is idempotent across services. */
    @Bean
    KafkaAdmin.NewTopics closedLoopTopics(ClosedLoopKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
                .map(name -> TopicBuilder.name(name).partitions(properties.partitions())
                        .replicas(properties.replicationFactor())
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(properties.minInsyncReplicas()))
                        .build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, String> template,
                                                  ClosedLoopKafkaProperties properties, MeterRegistry registry,
                                                  HeldPartitions held) {
        return DeadLetters.errorHandler(template, properties, registry, held);
    }

    /** Each listener a static member of its group, where the instance has a stable name. */
    @Bean
    @ConditionalOnProperty("closedloop.kafka.instance-id")
    @ConditionalOnMissingBean
    StaticMembership staticMembership(ClosedLoopKafkaProperties properties) {
        return new StaticMembership(properties.instanceId());
    }

    /** The containers of the instance-wide feeds: every partition, from the end, with no consumer group. */
    @Bean(InstanceListener.CONTAINER_FACTORY)
    @ConditionalOnMissingBean(name = InstanceListener.CONTAINER_FACTORY)
    InstanceListenerContainerFactory instanceListenerContainerFactory(ConsumerFactory<?, ?> consumers,
                                                                      ClosedLoopKafkaProperties properties,
            @Value("${spring.kafka.listener.observation-enabled:false}") boolean observed) {
        return new InstanceListenerContainerFactory(consumers, properties.partitions(), observed);
    }

    /** The loop's story as counters, from the events the relay publishes (docs/observability.md). */
    @Bean
    @ConditionalOnMissingBean
    LoopMetrics loopMetrics(MeterRegistry registry) {
        return new LoopMetrics(registry);
    }

    @Bean
    @ConditionalOnBean(OutboxSource.class)
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka,
                            List<OutboxSource> sources, ClosedLoopKafkaProperties properties,
                            @Value("${spring.application.name}") String application, LoopMetrics metrics) {
        return new OutboxRelay(mongo, kafka, sources, "/closedloop/" + application, properties.relayInterval(), 500,
                properties.instanceId(), metrics);
    }

    /** Sets each declared waiting marker once at start on the documents stored before it existed. */
    @Bean
    @ConditionalOnBean(WaitingMarker.class)
    @ConditionalOnMissingBean
    WaitingMarkers waitingMarkers(ReactiveMongoTemplate mongo, List<WaitingMarker> markers, Clock clock) {
        return new WaitingMarkers(mongo, markers, clock);
    }

    /** How far each outbox is behind, read every {@code closedloop.kafka.outbox-gauge-interval} (15 s). */
    @Bean
    @ConditionalOnBean(OutboxSource.class)
    @ConditionalOnMissingBean
    OutboxGauges outboxGauges(ReactiveMongoTemplate mongo, List<OutboxSource> sources, Clock clock,
                              ClosedLoopKafkaProperties properties) {
        return new OutboxGauges(mongo, sources, clock, properties.outboxGaugeInterval());
    }
}
