package dev.spoor.benchmarks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spoor.benchmarks.ParamValues;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each case of {@link HttpRoundTripBenchmark} through the benchmark's own state: the server
 * answers over one kept-alive connection, and a traced round trip reports a client and a server
 * span while an untraced one reports none.
 */
class HttpRoundTripBenchmarkTest {

  static Stream<String> systems() {
    return ParamValues.of(HttpRoundTripBenchmark.Exchange.class, "system").stream();
  }

  @ParameterizedTest
  @MethodSource("systems")
  void answersEveryRequestAndReportsTwoSpansPerTracedRoundTrip(String system) throws Exception {
    HttpRoundTripBenchmark.Exchange exchange = new HttpRoundTripBenchmark.Exchange();
    exchange.system = system;
    exchange.start();
    HttpRoundTripBenchmark benchmark = new HttpRoundTripBenchmark();

    assertEquals(200, benchmark.roundTrip(exchange));
    int firstConnection = exchange.exchange.lastClientPort();
    assertEquals(200, benchmark.roundTrip(exchange));
    assertEquals(firstConnection, exchange.exchange.lastClientPort(), "connection kept alive");

    long expected = system.equals("untraced") ? 0 : 4;
    // The server span ends after its response is written, possibly after the client has it.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (exchange.exchange.spansReported() < expected && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
    }
    assertEquals(expected, exchange.exchange.spansReported());
    exchange.stop();
  }
}
