package org.custos.verify.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected into memory up to a limit: a declared {@code Content-Length} above the limit is
 * refused before any byte is read, and a body (chunked or not) that grows past it is cut off there: the exchange
 * is cancelled, so a 3 GiB answer costs at most the limit in memory. With {@code truncate}, the first
 * {@code limit} bytes are kept instead (for the excerpt of an HTTP error page).
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** An answer larger than the limit. */
    static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long limit;
    private final long declared;
    private final boolean truncate;
    private final ByteArrayOutputStream buffer;
    private Flow.Subscription subscription;
    private long received;

    /** {@code declared}: the Content-Length header's value, or -1. */
    BoundedBody(long limit, long declared, boolean truncate) {
        this.limit = limit;
        this.declared = declared;
        this.truncate = truncate;
        this.buffer = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 8192), Math.min(limit, 1 << 20)));
    }

    /** A handler that bounds 200 answers by {@code limit} and keeps 512 bytes of any other. */
    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> {
            long declared;
            try {
                declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            } catch (NumberFormatException e) {
                declared = -1;
            }
            return info.statusCode() == 200 ? new BoundedBody(limit, declared, false)
                    : new BoundedBody(512, declared, true);
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > limit && !truncate) {
            fail("the node announced an answer of " + declared + " bytes (Content-Length); the limit is " + limit);
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if (received + n > limit) {
                if (truncate) {
                    byte[] head = new byte[(int) (limit - received)];
                    item.get(head);
                    buffer.writeBytes(head);
                    subscription.cancel();
                    result.complete(buffer.toByteArray());
                } else {
                    fail("the node's answer exceeds the limit of " + limit + " bytes");
                }
                return;
            }
            byte[] bytes = new byte[n];
            item.get(bytes);
            buffer.writeBytes(bytes);
            received += n;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    private void fail(String message) {
        subscription.cancel();
        result.completeExceptionally(new TooLargeException(message));
    }
}
