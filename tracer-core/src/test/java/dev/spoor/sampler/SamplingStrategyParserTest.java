package dev.spoor.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spoor.sampler.SamplingStrategy.OperationRate;
import dev.spoor.sampler.SamplingStrategyParser.InvalidStrategyException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shape of answer Jaeger servers have sent. The fixtures are quoted from jaegertracing/jaeger
 * (the files are named where each is used) or built exactly as its encoders write them.
 */
class SamplingStrategyParserTest {
  private static SamplingStrategy parse(String json) throws InvalidStrategyException {
    return SamplingStrategyParser.parse(json);
  }

  @Test
  void readsProtoJsonWithTheStrategyTypeAsAName() throws Exception {
    // pkg/clientcfg/clientcfghttp/handler_test.go, endpoint /sampling
    assertEquals(SamplingStrategy.rateLimiting(42), parse(
        "{\"strategyType\":\"RATE_LIMITING\",\"rateLimitingSampling\":{\"maxTracesPerSecond\":42}}"));
    // the Thrift 0.9.3 form quoted in cmd/agent/app/httpserver/server.go
    assertEquals(SamplingStrategy.probabilistic(0.5), parse(
        "{\"strategyType\":\"PROBABILISTIC\",\"probabilisticSampling\":{\"samplingRate\":0.5}}"));
  }

  @Test
  void readsTheAgentsLegacyFormWithNumericTypesAndExplicitNulls() throws Exception {
    // pkg/clientcfg/clientcfghttp/handler_test.go, endpoint /
    assertEquals(SamplingStrategy.rateLimiting(42),
        parse("{\"strategyType\":1,\"rateLimitingSampling\":{\"maxTracesPerSecond\":42}}"));
    // the Thrift 0.9.2 form quoted in cmd/agent/app/httpserver/server.go
    assertEquals(SamplingStrategy.probabilistic(0.5), parse("{\"strategyType\":0,"
        + "\"probabilisticSampling\":{\"samplingRate\":0.5},\"rateLimitingSampling\":null,"
        + "\"operationSampling\":null}"));
    // Thrift 0.9.2 structs have no omitempty: an empty list is null
    assertEquals(SamplingStrategy.perOperation(0.001, 0.5, List.of()), parse("{\"strategyType\":0,"
        + "\"probabilisticSampling\":null,\"rateLimitingSampling\":null,\"operationSampling\":{"
        + "\"defaultSamplingProbability\":0.001,\"defaultLowerBoundTracesPerSecond\":0.5,"
        + "\"perOperationStrategies\":null}}"));
  }

  @Test
  void readsPerOperationStrategiesWithTheUpperBoundAsJaegerEncodesThem() throws Exception {
    // model/converter/json/sampling_test.go "operationSampling", through SamplingStrategyResponseToJSON
    SamplingStrategy strategy = parse("{\"strategyType\":\"PROBABILISTIC\",\"operationSampling\":{"
        + "\"defaultSamplingProbability\":0.42,\"defaultLowerBoundTracesPerSecond\":2,"
        + "\"perOperationStrategies\":[{\"operation\":\"foo\",\"probabilisticSampling\":"
        + "{\"samplingRate\":0.42}},{\"operation\":\"bar\",\"probabilisticSampling\":"
        + "{\"samplingRate\":0.1}}],\"defaultUpperBoundTracesPerSecond\":11.2}}");
    assertEquals(SamplingStrategy.Kind.PER_OPERATION, strategy.kind());
    assertEquals(0.42, strategy.parameter());
    assertEquals(2.0, strategy.defaultLowerBound());
    assertEquals(List.of(new OperationRate("foo", 0.42), new OperationRate("bar", 0.1)),
        strategy.operations());
  }

  @Test
  void decidesByThePresentFieldOperationSamplingFirstNotByStrategyType() throws Exception {
    // plugin/sampling/strategystore/static/fixtures/TestServiceNoPerOperationStrategies_response_for_ServiceA.json
    SamplingStrategy serviceA = parse("{\n    \"probabilisticSampling\": {\n"
        + "        \"samplingRate\": 1\n    },\n    \"operationSampling\": {\n"
        + "        \"defaultSamplingProbability\": 1,\n        \"perOperationStrategies\": [\n"
        + "            {\n                \"operation\": \"/health\",\n"
        + "                \"probabilisticSampling\": {\n"
        + "                    \"samplingRate\": 0.1\n                }\n            }\n"
        + "        ]\n    }\n}");
    assertEquals(SamplingStrategy.perOperation(1.0, 0.0, List.of(new OperationRate("/health", 0.1))),
        serviceA, "no strategyType, no lower bound: the proto default 0");
    // ..._response_for_ServiceB.json: strategyType says RATE_LIMITING, operationSampling wins
    SamplingStrategy serviceB = parse("{\n    \"strategyType\": 1,\n"
        + "    \"rateLimitingSampling\": {\n        \"maxTracesPerSecond\": 3\n    },\n"
        + "    \"operationSampling\": {\n        \"defaultSamplingProbability\": 0.2,\n"
        + "        \"perOperationStrategies\": [\n            {\n"
        + "                \"operation\": \"/health\",\n"
        + "                \"probabilisticSampling\": {\n"
        + "                    \"samplingRate\": 0.1\n                }\n            }\n"
        + "        ]\n    }\n}");
    assertEquals(SamplingStrategy.perOperation(0.2, 0.0, List.of(new OperationRate("/health", 0.1))),
        serviceB);
    assertEquals(SamplingStrategy.probabilistic(0.25), parse(
        "{\"strategyType\":\"RATE_LIMITING\",\"probabilisticSampling\":{\"samplingRate\":0.25}}"),
        "strategyType is ignored even when it contradicts the field");
    assertEquals(SamplingStrategy.rateLimiting(7),
        parse("{\"rateLimitingSampling\":{\"maxTracesPerSecond\":7},\"someFutureField\":[1]}"));
  }

  @Test
  void fieldsLeftOutAreTheProtoDefaultZero() throws Exception {
    assertEquals(SamplingStrategy.probabilistic(0.0), parse("{\"probabilisticSampling\":{}}"));
    assertEquals(SamplingStrategy.rateLimiting(0.0), parse("{\"rateLimitingSampling\":{}}"));
    assertEquals(SamplingStrategy.perOperation(0.0, 0.0, List.of()),
        parse("{\"operationSampling\":{}}"));
  }

  @Test
  void sayWhenItIsGivenAStrategiesFileInsteadOfAnAnswer() {
    // plugin/sampling/strategystore/static/fixtures/operation_strategies.json (its beginning)
    InvalidStrategyException e = assertThrows(InvalidStrategyException.class, () -> parse(
        "{\"default_strategy\":{\"type\":\"probabilistic\",\"param\":0.5},"
            + "\"service_strategies\":[]}"));
    assertTrue(e.getMessage().contains("strategies file"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "garbage", "null", "[]", "{}", "{\"strategyType\":0}", "{\"strategyType\":1,"
          + "\"probabilisticSampling\":null,\"rateLimitingSampling\":null,\"operationSampling\":null}",
      "{\"probabilisticSampling\":{\"samplingRate\":1.5}}",
      "{\"probabilisticSampling\":{\"samplingRate\":-0.1}}",
      "{\"probabilisticSampling\":{\"samplingRate\":\"0.5\"}}",
      "{\"probabilisticSampling\":0.5}",
      "{\"rateLimitingSampling\":{\"maxTracesPerSecond\":-1}}",
      "{\"rateLimitingSampling\":{\"maxTracesPerSecond\":1e400}}",
      "{\"operationSampling\":[]}",
      "{\"operationSampling\":{\"defaultSamplingProbability\":2}}",
      "{\"operationSampling\":{\"defaultLowerBoundTracesPerSecond\":-3}}",
      "{\"operationSampling\":{\"defaultUpperBoundTracesPerSecond\":\"x\"}}",
      "{\"operationSampling\":{\"perOperationStrategies\":{}}}",
      "{\"operationSampling\":{\"perOperationStrategies\":[1]}}",
      "{\"operationSampling\":{\"perOperationStrategies\":[{\"probabilisticSampling\":"
          + "{\"samplingRate\":0.1}}]}}",
      "{\"operationSampling\":{\"perOperationStrategies\":[{\"operation\":\"a\"}]}}",
      "{\"operationSampling\":{\"perOperationStrategies\":[{\"operation\":\"a\","
          + "\"probabilisticSampling\":{\"samplingRate\":7}}]}}",
      "{\"probabilisticSampling\":{\"samplingRate\":0.5}} trailing"})
  void rejectsWhatIsNotAValidStrategy(String json) {
    InvalidStrategyException e = assertThrows(InvalidStrategyException.class, () -> parse(json));
    assertFalse(e.getMessage().isEmpty());
  }

  @Test
  void quotesAnOperationNameOnlyCleanedAndShort() {
    String name = "evil\r\nFAKE LOG LINE " + "x".repeat(1_000);
    InvalidStrategyException e = assertThrows(InvalidStrategyException.class, () -> parse(
        "{\"operationSampling\":{\"perOperationStrategies\":[{\"operation\":\""
            + name.replace("\r", "\\r").replace("\n", "\\n") + "\"}]}}"));
    assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    assertTrue(e.getMessage().length() < 300, e.getMessage());
  }
}
