package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Threads for the clients and async work of one test, shut down by {@link #close()}. (A Java 17
 * HttpClient cannot be closed; its selector thread ends once the client is unreachable.)
 */
final class ClientPool {
  final ExecutorService executor = Executors.newFixedThreadPool(2);

  /** A plain client running on this pool. */
  HttpClient plainClient() {
    return HttpClient.newBuilder().executor(executor).build();
  }

  void close() throws InterruptedException {
    executor.shutdownNow();
    assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "pool threads still running");
  }
}
