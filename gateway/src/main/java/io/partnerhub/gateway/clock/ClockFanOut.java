package io.partnerhub.gateway.clock;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.gateway.clock.ClockFanOutResource.ClockChange;
import io.partnerhub.gateway.clock.ClockFanOutResource.ServiceClock;
import io.partnerhub.gateway.ops.ServiceCalls;
import io.vertx.core.http.HttpMethod;

/** Calls {@code /admin/clock} on every service in parallel; a service that fails is reported, not thrown. */
@ApplicationScoped
public class ClockFanOut {

    private final ServiceCalls calls;

    public ClockFanOut(ServiceCalls calls) {
        this.calls = calls;
    }

    public CompletionStage<List<ServiceClock>> put(ClockChange change, String authorization) {
        return all(HttpMethod.PUT, change, authorization);
    }

    public CompletionStage<List<ServiceClock>> get(String authorization) {
        return all(HttpMethod.GET, null, authorization);
    }

    private CompletionStage<List<ServiceClock>> all(HttpMethod method, Object body, String authorization) {
        return calls.all(ClockFanOutResource.targets(), method, "/admin/clock", body, authorization)
                .map(answers -> answers.stream().map(a -> new ServiceClock(a.service(), a.status(), a.body())).toList())
                .toCompletionStage();
    }
}
