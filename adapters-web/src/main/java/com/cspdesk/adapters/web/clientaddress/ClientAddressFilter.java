package com.cspdesk.adapters.web.clientaddress;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

/** Resolves each request's client address once, before security, for sign-in throttling and the activity log. */
@Filter(Filter.MATCH_ALL_PATTERN)
class ClientAddressFilter implements HttpServerFilter {

    private final ClientAddresses addresses;

    ClientAddressFilter(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before() + 1;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        request.setAttribute(ClientAddresses.ATTRIBUTE, addresses.resolve(request));
        return chain.proceed(request);
    }
}
