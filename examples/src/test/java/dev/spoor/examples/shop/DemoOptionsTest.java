package dev.spoor.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
  private static final UnaryOperator<String> NO_SETTINGS = name -> null;

  private static DemoOptions parse(String... args) {
    return DemoOptions.parse(args, NO_SETTINGS);
  }

  @Test
  void sendsAHandfulOfRequestsByDefault() {
    DemoOptions options = parse();

    assertEquals(DemoOptions.DEFAULT_REQUESTS, options.requests());
    assertFalse(options.forever());
    assertEquals(0L, options.intervalMillis());
    assertNull(options.logFile());
    assertFalse(options.help());
  }

  @Test
  void readsTheRequestCountAsASeparateOrAnAttachedValue() {
    assertEquals(3, parse("--requests", "3").requests());
    assertEquals(12, parse("--requests=12").requests());
  }

  @Test
  void pacesForeverRunsUnlessAnIntervalIsGiven() {
    assertTrue(parse("--forever").forever());
    assertEquals(DemoOptions.DEFAULT_FOREVER_INTERVAL_MILLIS, parse("--forever").intervalMillis());
    assertEquals(20L, parse("--forever", "--interval-ms", "20").intervalMillis());
  }

  @Test
  void takesTheLogFileFromTheCommandLineOrTheEnvironment() {
    UnaryOperator<String> settings =
        Map.of(DemoOptions.LOG_FILE_SETTING, "from-env.log")::get;

    assertEquals(Path.of("from-env.log"), DemoOptions.parse(new String[0], settings).logFile());
    assertEquals(Path.of("cli.log"),
        DemoOptions.parse(new String[] {"--log-file", "cli.log"}, settings).logFile());
  }

  @Test
  void writesThePageAndTheJsonUnderTheModulesBuildDirectoryByDefault() {
    DemoOptions options = parse();

    // The tests run in the examples module; from the repository root it is examples/target.
    Path output = Path.of("target", "spoor-demo");
    assertEquals(output, DemoOptions.defaultOutputDirectory());
    assertEquals(output.resolve("traces.html"), options.htmlFile());
    assertEquals(output.resolve("jaeger-json"), options.jsonDirectory());
  }

  @Test
  void takesThePagesAndTheJsonsLocationFromTheCommandLine() {
    DemoOptions options = parse("--html", "out/page.html", "--json=out/json");

    assertEquals(Path.of("out/page.html"), options.htmlFile());
    assertEquals(Path.of("out/json"), options.jsonDirectory());
    assertEquals("--html needs a path",
        assertThrows(IllegalArgumentException.class, () -> parse("--html", " ")).getMessage());
    assertEquals("--json needs a value",
        assertThrows(IllegalArgumentException.class, () -> parse("--json")).getMessage());
    assertTrue(DemoOptions.usage().contains("--html PATH"));
    assertTrue(DemoOptions.usage().contains("--json DIR"));
  }

  @Test
  void recognisesHelp() {
    assertTrue(parse("--help").help());
    assertTrue(parse("-h").help());
    assertTrue(DemoOptions.usage().contains("--requests N"));
  }

  @Test
  void rejectsBadArgumentsWithAMessageNamingThem() {
    assertEquals("unknown argument: --fast",
        assertThrows(IllegalArgumentException.class, () -> parse("--fast")).getMessage());
    assertEquals("--requests needs a value",
        assertThrows(IllegalArgumentException.class, () -> parse("--requests")).getMessage());
    assertEquals("--requests needs a whole number, got 'many'",
        assertThrows(IllegalArgumentException.class, () -> parse("--requests", "many"))
            .getMessage());
    assertEquals("--requests must be between 1 and 2147483647, got 0",
        assertThrows(IllegalArgumentException.class, () -> parse("--requests=0")).getMessage());
    assertEquals("--requests and --forever cannot be combined",
        assertThrows(IllegalArgumentException.class, () -> parse("--forever", "--requests", "2"))
            .getMessage());
  }
}
