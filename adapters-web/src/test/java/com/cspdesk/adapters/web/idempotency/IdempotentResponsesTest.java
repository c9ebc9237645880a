package com.cspdesk.adapters.web.idempotency;

import com.cspdesk.adapters.web.i18n.Messages;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.application.idempotency.IdempotentExecution;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.in.KeptAnswer;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one idempotency of the web adapter, for the API's header and the dashboard's form field alike,
 * over the real {@link IdempotentExecution} and a map standing in for the records.
 */
class IdempotentResponsesTest {

    private static final Authentication AGENT = Authentication.build("admin.agent@partner.example");

    private final Map<String, IdempotencyRecords.Kept> kept = new HashMap<>();
    private final IdempotentResponses responses = new IdempotentResponses(
            new IdempotentExecution(new MapRecords(kept), new ClearSealing(), new InLine(),
                    Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC)),
            JsonMapper.createDefault(), new Problems(new Messages()));
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void anApiRetryGetsTheFirstStatusLocationAndBodyAgainWithoutRunning() {
        HttpRequest<?> request = HttpRequest.POST("/v1/customers/c/orders", "{}").header(IdempotentResponses.REQUEST_ID, "k-1");
        Supplier<MutableHttpResponse<?>> create = () -> {
            runs.incrementAndGet();
            return HttpResponse.created(Map.of("id", "o-ü"), URI.create("/v1/customers/c/orders/o-1"));
        };

        HttpResponse<?> first = responses.run(request, AGENT, Map.of("q", 1), create);
        HttpResponse<?> retry = responses.run(request, AGENT, Map.of("q", 1), create);

        assertThat(runs).hasValue(1);
        assertThat(first.code()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(header(first, IdempotentResponses.REPLAYED)).isNull();
        assertThat(retry.code()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(header(retry, IdempotentResponses.REPLAYED)).isEqualTo("true");
        assertThat(header(retry, HttpHeaders.LOCATION)).isEqualTo("/v1/customers/c/orders/o-1");
        assertThat(retry.getContentType()).contains(MediaType.APPLICATION_JSON_TYPE);
        assertThat(new String((byte[]) retry.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"o-ü\"}");

        HttpResponse<?> reused = responses.run(request, AGENT, Map.of("q", 2), create);
        assertThat(reused.code()).isEqualTo(HttpStatus.CONFLICT.getCode());
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRefusalOrAnErrorIsNotKeptSoTheSdksRetryWithTheSameRequestIdRunsAgain() {
        HttpRequest<?> request = HttpRequest.POST("/v1/customers/c/orders", "{}").header(IdempotentResponses.REQUEST_ID, "k-2");
        HttpResponse<?> refused = responses.run(request, AGENT, Map.of("q", 0), () -> {
            runs.incrementAndGet();
            return HttpResponse.badRequest(Map.of("code", "quantity_invalid"));
        });
        HttpResponse<?> unavailable = responses.run(request, AGENT, Map.of("q", 1), () -> {
            runs.incrementAndGet();
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE);
        });
        assertThat(kept).isEmpty();

        Supplier<MutableHttpResponse<?>> create = () -> {
            runs.incrementAndGet();
            return HttpResponse.created(Map.of("id", "o-2"));
        };
        HttpResponse<?> placed = responses.run(request, AGENT, Map.of("q", 1), create);
        HttpResponse<?> retry = responses.run(request, AGENT, Map.of("q", 1), create);

        assertThat(refused.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(unavailable.code()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(header(refused, IdempotentResponses.REPLAYED)).isNull();
        assertThat(placed.code()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(header(retry, IdempotentResponses.REPLAYED)).isEqualTo("true");
        assertThat(runs).hasValue(3);
    }

    @Test
    void aDashboardFormIsIdempotentOnItsRequestIdAndAnotherFormWithItIsRefusedByTheCallersPage() {
        HttpRequest<?> request = HttpRequest.POST("/ui/customers/c/orders", "offerId=x&quantity=2");
        Supplier<MutableHttpResponse<?>> place = () -> {
            runs.incrementAndGet();
            return HttpResponse.seeOther(URI.create("/ui/customers/c/orders/o-" + runs.get() + "?done=order_placed"));
        };
        Supplier<MutableHttpResponse<?>> reusedPage = () -> HttpResponse.status(HttpStatus.CONFLICT).body("the review, saying so");

        HttpResponse<?> first = responses.runForm(request, AGENT, "form-1", Map.of("quantity", 2), place, reusedPage);
        HttpResponse<?> reload = responses.runForm(request, AGENT, "form-1", Map.of("quantity", 2), place, reusedPage);
        HttpResponse<?> changed = responses.runForm(request, AGENT, "form-1", Map.of("quantity", 3), place, reusedPage);

        assertThat(runs).hasValue(1);
        assertThat(header(first, HttpHeaders.LOCATION)).isEqualTo("/ui/customers/c/orders/o-1?done=order_placed");
        assertThat(reload.code()).isEqualTo(HttpStatus.SEE_OTHER.getCode());
        assertThat(header(reload, HttpHeaders.LOCATION)).isEqualTo("/ui/customers/c/orders/o-1?done=order_placed");
        assertThat(header(reload, IdempotentResponses.REPLAYED)).isEqualTo("true");
        assertThat(changed.code()).isEqualTo(HttpStatus.CONFLICT.getCode());
        assertThat(changed.body()).isEqualTo("the review, saying so");
    }

    @Test
    void aFormWithoutAUsableRequestIdSimplyRuns() {
        HttpRequest<?> request = HttpRequest.POST("/ui/customers/c/orders", "");
        Supplier<MutableHttpResponse<?>> place = () -> {
            runs.incrementAndGet();
            return HttpResponse.seeOther(URI.create("/ui/customers/c/orders/o"));
        };
        responses.runForm(request, AGENT, null, Map.of(), place, () -> HttpResponse.status(HttpStatus.CONFLICT));
        responses.runForm(request, AGENT, "has space", Map.of(), place, () -> HttpResponse.status(HttpStatus.CONFLICT));
        assertThat(runs).hasValue(2);
        assertThat(kept).isEmpty();
    }

    @Test
    void aTextBodyIsKeptAsWrittenNotAsAJsonString() {
        HttpRequest<?> request = HttpRequest.POST("/v1/x", "").header(IdempotentResponses.IDEMPOTENCY_KEY, "k-text");
        Supplier<MutableHttpResponse<?>> answer = () -> HttpResponse.ok("line one\nline \"two\"").contentType(MediaType.TEXT_PLAIN_TYPE);
        responses.run(request, AGENT, null, answer);
        HttpResponse<?> retry = responses.run(request, AGENT, null, answer);
        assertThat(new String((byte[]) retry.body(), StandardCharsets.UTF_8)).isEqualTo("line one\nline \"two\"");
        assertThat(retry.getContentType()).contains(MediaType.TEXT_PLAIN_TYPE);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.getHeaders().get(name);
    }

    /** The records in a map: claim, complete and find as the port says (no concurrency here). */
    private record MapRecords(Map<String, IdempotencyRecords.Kept> kept) implements IdempotencyRecords {

        @Override
        public boolean claim(IdempotentRequest request, Instant at) {
            return kept.putIfAbsent(id(request.scope(), request.key()),
                    new Kept(request.fingerprint(), at, Optional.empty())) == null;
        }

        @Override
        public Optional<Kept> find(String scope, String key) {
            return Optional.ofNullable(kept.get(id(scope, key)));
        }

        @Override
        public void complete(String scope, String key, KeptAnswer answer) {
            Kept claimed = kept.get(id(scope, key));
            kept.put(id(scope, key), new Kept(claimed.fingerprint(), claimed.createdAt(), Optional.of(answer)));
        }

        @Override
        public void release(String scope, String key) {
            kept.remove(id(scope, key));
        }

        @Override
        public int forgetOlderThan(Instant before) {
            return 0;
        }

        private static String id(String scope, String key) {
            return scope + "\u0000" + key;
        }
    }

    /** Sealing is the application's concern (IdempotentExecutionTest); here the web encoding is. */
    private static final class ClearSealing implements SecretSealing {

        @Override
        public String seal(String clearText, String context) {
            return clearText;
        }

        @Override
        public String open(String sealed, String context) {
            return sealed;
        }
    }

    /** Units of work run in line, committed as they end. */
    private static final class InLine implements Transactions {

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }
    }
}
