package dev.spoor.examples.page;

import dev.spoor.examples.jaegerjson.JaegerJson;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the most recent traces of a run and writes them out: the {@link TracePage} to one HTML
 * file, and each trace as Jaeger query-API JSON to {@code <jsonDirectory>/<traceID>.json}, the
 * file the Jaeger UI's "JSON File" tab opens.
 *
 * <p>At most {@code keep} traces are kept, so a demo running for hours rewrites a page of bounded
 * size; the JSON files of traces that fell out are deleted (only files this writer wrote). Each
 * file is written to a temporary sibling and moved into place, so a browser reloading the page
 * during a run never reads half of it.
 */
public final class TracePageWriter {
  /** Traces kept unless told otherwise. */
  public static final int DEFAULT_KEEP = 200;

  private final Path htmlFile;
  private final Path jsonDirectory;
  private final int keep;
  private final String title;
  private final Clock clock;
  private final Map<String, RecordedTrace> traces = new LinkedHashMap<>();
  private final Set<String> jsonToWrite = new HashSet<>();
  private final Set<String> jsonWritten = new HashSet<>();

  /**
   * A writer of the page {@code htmlFile} and the JSON files under {@code jsonDirectory}.
   *
   * @param keep how many of the most recent traces the page and the directory hold (at least 1)
   * @param title the page's title
   */
  public TracePageWriter(Path htmlFile, Path jsonDirectory, int keep, String title) {
    this(htmlFile, jsonDirectory, keep, title, Clock.systemUTC());
  }

  TracePageWriter(Path htmlFile, Path jsonDirectory, int keep, String title, Clock clock) {
    if (htmlFile == null) {
      throw new NullPointerException("htmlFile == null");
    }
    if (jsonDirectory == null) {
      throw new NullPointerException("jsonDirectory == null");
    }
    if (keep < 1) {
      throw new IllegalArgumentException("keep < 1: " + keep);
    }
    if (title == null) {
      throw new NullPointerException("title == null");
    }
    this.htmlFile = htmlFile.toAbsolutePath();
    this.jsonDirectory = jsonDirectory.toAbsolutePath();
    this.keep = keep;
    this.title = title;
    this.clock = clock;
  }

  /** The page's absolute path. */
  public Path htmlFile() {
    return htmlFile;
  }

  /** The absolute path of the directory of JSON files. */
  public Path jsonDirectory() {
    return jsonDirectory;
  }

  /**
   * Adds {@code recorded}, or replaces the trace with its id (a later snapshot may hold more
   * spans); the oldest trace is dropped once more than {@code keep} are held.
   */
  public synchronized void add(RecordedTrace recorded) {
    if (recorded == null) {
      throw new NullPointerException("recorded == null");
    }
    String id = recorded.trace().traceIdHex();
    traces.remove(id);
    traces.put(id, recorded);
    jsonToWrite.add(id);
    while (traces.size() > keep) {
      String oldest = traces.keySet().iterator().next();
      traces.remove(oldest);
      jsonToWrite.remove(oldest);
    }
  }

  /** How many traces the next {@link #write()} writes. */
  public synchronized int size() {
    return traces.size();
  }

  /** The JSON file of the trace {@code traceIdHex}, whether written yet or not. */
  public Path jsonFileOf(String traceIdHex) {
    if (traceIdHex == null) {
      throw new NullPointerException("traceIdHex == null");
    }
    return jsonDirectory.resolve(traceIdHex + ".json");
  }

  /**
   * Writes the page with every kept trace, the JSON file of each trace added or replaced since
   * the last call, and deletes the files of the traces dropped since.
   *
   * @throws IOException when a directory cannot be made or a file written
   */
  public synchronized void write() throws IOException {
    List<RecordedTrace> kept = new ArrayList<>(traces.values());
    Files.createDirectories(jsonDirectory);
    for (RecordedTrace recorded : kept) {
      String id = recorded.trace().traceIdHex();
      if (jsonToWrite.remove(id)) {
        writeAtomically(jsonFileOf(id), JaegerJson.queryResponse(List.of(recorded.trace())));
        jsonWritten.add(id);
      }
    }
    for (String id : new ArrayList<>(jsonWritten)) {
      if (!traces.containsKey(id)) {
        Files.deleteIfExists(jsonFileOf(id));
        jsonWritten.remove(id);
      }
    }
    Path parent = htmlFile.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    writeAtomically(htmlFile, TracePage.render(title, kept, clock.instant(), jsonHref()));
  }

  /** The JSON directory as a URI relative to the page's directory, else as an absolute URI. */
  String jsonHref() {
    Path pageDirectory = htmlFile.getParent();
    if (pageDirectory != null && pageDirectory.getRoot() != null
        && pageDirectory.getRoot().equals(jsonDirectory.getRoot())) {
      Path relative = pageDirectory.relativize(jsonDirectory);
      StringBuilder href = new StringBuilder();
      for (Path segment : relative) {
        if (href.length() > 0) {
          href.append('/');
        }
        href.append(URLEncoder.encode(segment.toString(), StandardCharsets.UTF_8)
            .replace("+", "%20"));
      }
      return href.length() == 0 ? "." : href.toString();
    }
    return jsonDirectory.toUri().toString();
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    try {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
