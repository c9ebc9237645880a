package com.cspdesk.adapters.web.ui.support;

import com.cspdesk.adapters.web.ui.shared.UiForms;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A multipart form read whole on the blocking thread of the route: its text fields, and its files
 * (a file input with {@code multiple} sends several parts under one name). The request size is
 * bounded by {@code micronaut.server.max-request-size}.
 */
final class MultipartForm {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final Map<String, String> fields;
    private final List<File> files;

    private MultipartForm(Map<String, String> fields, List<File> files) {
        this.fields = fields;
        this.files = files;
    }

    public static MultipartForm read(MultipartBody body) {
        Map<String, String> fields = new HashMap<>();
        List<File> files = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        body.subscribe(new Subscriber<>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(CompletedPart part) {
                try {
                    if (part instanceof CompletedFileUpload upload) {
                        String name = upload.getFilename();
                        byte[] bytes = upload.getBytes();
                        if (name != null && !name.isBlank() && bytes.length > 0) {
                            files.add(new File(name, bytes));
                        }
                    } else {
                        fields.putIfAbsent(part.getName(), new String(part.getBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    subscription.cancel();
                    done.completeExceptionally(new UncheckedIOException(e));
                    return;
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        try {
            done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the upload", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the upload could not be read", e);
        }
        return new MultipartForm(fields, files);
    }

    public String field(String name) {
        return UiForms.text(fields.get(name));
    }

    public List<File> files() {
        return List.copyOf(files);
    }

    public record File(String name, byte[] content) {
    }
}
