package com.cspdesk.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.application.webhooks.port.out.WebhookTransport.Failure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.junit.jupiter.api.Test;

/** What each network failure is called, for the failures a local receiver cannot easily provoke. */
class AttemptFailuresTest {

    @Test
    void each_kind_of_exception_has_its_failure() {
        assertThat(HttpClientWebhookTransport.failureOf(
                new DestinationAddressResolver.NoAddress("h", Failure.ADDRESS_NOT_ALLOWED)))
                .isEqualTo(Failure.ADDRESS_NOT_ALLOWED);
        assertThat(HttpClientWebhookTransport.failureOf(new UnknownHostException("h"))).isEqualTo(Failure.UNRESOLVABLE);
        assertThat(HttpClientWebhookTransport.failureOf(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo(Failure.TLS_FAILED);
        assertThat(HttpClientWebhookTransport.failureOf(new SSLPeerUnverifiedException("name mismatch")))
                .isEqualTo(Failure.TLS_FAILED);
        assertThat(HttpClientWebhookTransport.failureOf(new SocketTimeoutException("Read timed out")))
                .isEqualTo(Failure.TIMED_OUT);
        assertThat(HttpClientWebhookTransport.failureOf(new ConnectTimeoutException("Connect timed out")))
                .isEqualTo(Failure.TIMED_OUT);
        assertThat(HttpClientWebhookTransport.failureOf(new ConnectionRequestTimeoutException("pool")))
                .isEqualTo(Failure.TIMED_OUT);
        assertThat(HttpClientWebhookTransport.failureOf(new ConnectException("Connection refused")))
                .isEqualTo(Failure.CONNECTION_FAILED);
        assertThat(HttpClientWebhookTransport.failureOf(new NoRouteToHostException("No route")))
                .isEqualTo(Failure.CONNECTION_FAILED);
        assertThat(HttpClientWebhookTransport.failureOf(new SocketException("Connection reset")))
                .isEqualTo(Failure.CONNECTION_FAILED);
        assertThat(HttpClientWebhookTransport.failureOf(new NoHttpResponseException("failed to respond")))
                .isEqualTo(Failure.CONNECTION_FAILED);
        assertThat(HttpClientWebhookTransport.failureOf(new ClientProtocolException(new ProtocolException("bad status"))))
                .isEqualTo(Failure.INVALID_RESPONSE);
        assertThat(HttpClientWebhookTransport.failureOf(new MessageConstraintException("Maximum line length limit exceeded")))
                .isEqualTo(Failure.INVALID_RESPONSE);
        assertThat(HttpClientWebhookTransport.failureOf(new TruncatedChunkException("Truncated chunk")))
                .isEqualTo(Failure.INVALID_RESPONSE);
        assertThat(HttpClientWebhookTransport.failureOf(new IOException("anything else")))
                .isEqualTo(Failure.CONNECTION_FAILED);
    }

    @Test
    void the_detail_is_the_kind_and_the_message() {
        assertThat(HttpClientWebhookTransport.detailOf(new ConnectException("Connection refused")))
                .isEqualTo("ConnectException: Connection refused");
        assertThat(HttpClientWebhookTransport.detailOf(new SocketTimeoutException())).isEqualTo("SocketTimeoutException");
    }
}
