package closedloop.platform.observability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintIdRequestFilterUnitTests {

    private static final String ID = "0b7e3c1a-5d2f-4c1e-9a57-3f1d2e4b6a70";

    private final ComplaintIdRequestFilter filter = new ComplaintIdRequestFilter();

    @BeforeEach
    void propagateContextAsTheServicesDo() {
        Hooks.enableAutomaticContextPropagation();
    }

    @AfterEach
    void stopPropagating() {
        Hooks.disableAutomaticContextPropagation();
    }

    @Test
    void namesTheComplaintOfTheRequestPathInTheLogContextOnWhicheverThread() {
        assertThat(seenWhileHandling(MockServerHttpRequest.get("/api/v1/complaints/" + ID + "/timeline"))).isEqualTo(ID);
    }

    @Test
    void namesTheComplaintOfTheQuery() {
        assertThat(seenWhileHandling(MockServerHttpRequest.get("/api/v1/tickets").queryParam("complaintId", ID)))
                .isEqualTo(ID);
    }

    @Test
    void namesNothingForARequestWithoutAComplaintOrWithSomethingElseInItsPlace() {
        assertThat(seenWhileHandling(MockServerHttpRequest.post("/api/v1/complaints"))).isNull();
        assertThat(seenWhileHandling(MockServerHttpRequest.post("/api/v1/complaints/_search"))).isNull();
        assertThat(seenWhileHandling(MockServerHttpRequest.get("/api/v1/tickets")
                .queryParam("complaintId", "x\n2026-12-07 INFO forged line"))).isNull();
    }

    private String seenWhileHandling(MockServerHttpRequest.BaseBuilder<?> request) {
        AtomicReference<String> seen = new AtomicReference<>("not handled");
        filter.filter(MockServerWebExchange.from(request), exchange -> Mono.<Void>fromRunnable(
                        () -> seen.set(MDC.get(ComplaintIdInLogs.KEY)))
                .subscribeOn(Schedulers.boundedElastic())).block();
        return seen.get();
    }
}
