package org.oriundos.warehouse.report.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol (a WebSocket, from the JDK).
 * The protocol reports every console message, uncaught exception, browser log entry (blocked
 * resources, CSP violations) and network request as it happens, which is a check one can trust,
 * unlike scraping {@code --enable-logging} output.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final long STEP_SECONDS = 60;

    private final Process process;
    private final Path userDataDir;
    private final StringBuffer stderr = new StringBuffer();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();

    private HeadlessChromium(Process process, Path userDataDir, URI browserSocket) {
        this.process = process;
        this.userDataDir = userDataDir;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(browserSocket, new Listener()).join();
    }

    /** The Chromium binary: {@code $CHROMIUM_BIN}, else {@code chromium} or {@code chromium-browser} on the PATH. */
    public static Optional<Path> find() {
        String configured = System.getenv("CHROMIUM_BIN");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts Chromium with a fresh profile in {@code workDir} and connects to it. */
    public static HeadlessChromium launch(Path binary, Path workDir) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
        List<String> command = List.of(binary.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StringBuffer log = new StringBuffer();
        Thread drain = new Thread(() -> drain(process.getErrorStream(), log), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        // Chromium writes the port it chose, and the browser's socket path, to DevToolsActivePort.
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + " at start: " + log);
            }
            if (Files.exists(portFile)) {
                lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (lines.size() >= 2) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        if (lines.size() < 2) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not open its DevTools port within " + STEP_SECONDS
                    + " s: " + log);
        }
        URI uri = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
        HeadlessChromium chromium = new HeadlessChromium(process, profile, uri);
        chromium.stderr.append(log);
        return chromium;
    }

    /**
     * Opens {@code html} in a new tab of {@code width} CSS pixels, waits for it to load, measures
     * its charts and saves a full-page PNG to {@code screenshot}.
     */
    @SuppressWarnings("unchecked")
    public PageRender render(Path html, int width, Path screenshot) throws Exception {
        String targetId = (String) call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId");
        String session = (String) call(null, "Target.attachToTarget",
                Map.of("targetId", targetId, "flatten", true)).get("sessionId");
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
            call(session, domain + ".enable", Map.of());
        }
        call(session, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        events.clear();
        List<Map<String, Object>> seen = new ArrayList<>();
        Map<String, Object> navigation = call(session, "Page.navigate", Map.of("url", html.toUri().toString()));
        if (navigation.get("errorText") != null) {
            throw new IllegalStateException("Chromium could not open " + html + ": " + navigation.get("errorText"));
        }
        waitForEvent(session, "Page.loadEventFired", seen);

        Map<String, Object> evaluated = call(session, "Runtime.evaluate", Map.of("returnByValue", true,
                "expression", """
                        JSON.stringify(Array.from(document.querySelectorAll('svg')).map(s => {
                          const r = s.getBoundingClientRect();
                          const m = s.querySelector('g.marks');
                          const b = m ? m.getBBox() : {width: 0, height: 0};
                          // every text as the browser laid it out, in the font it chose, against the chart's box
                          const outside = Array.from(s.querySelectorAll('text')).filter(t => {
                            const q = t.getBoundingClientRect();
                            return q.left < r.left - 0.5 || q.top < r.top - 0.5 || q.right > r.right + 0.5
                                || q.bottom > r.bottom + 0.5;
                          }).map(t => t.textContent);
                          return {title: s.getAttribute('aria-label') || '', width: r.width, height: r.height,
                                  marks: m ? m.childElementCount : 0, marksWidth: b.width, marksHeight: b.height,
                                  textOutside: outside};
                        }))"""));
        Map<String, Object> result = (Map<String, Object>) evaluated.get("result");
        if (evaluated.get("exceptionDetails") != null || result == null || !(result.get("value") instanceof String)) {
            throw new IllegalStateException("could not measure the charts: " + evaluated);
        }
        List<SvgChartBox> charts = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse((String) result.get("value"))) {
            Map<String, Object> m = (Map<String, Object>) o;
            List<String> outside = new ArrayList<>();
            for (Object t : (List<Object>) m.getOrDefault("textOutside", List.of())) {
                outside.add(String.valueOf(t));
            }
            charts.add(new SvgChartBox((String) m.get("title"), num(m, "width"), num(m, "height"),
                    (int) num(m, "marks"), num(m, "marksWidth"), num(m, "marksHeight"), outside));
        }
        Map<String, Object> tables = call(session, "Runtime.evaluate", Map.of("returnByValue", true,
                "expression", """
                        JSON.stringify(Array.from(document.querySelectorAll('.table-wrap'))
                          .filter(w => w.scrollWidth > w.clientWidth + 1)
                          .map(w => (w.querySelector('caption') || w).textContent.slice(0, 80)))"""));
        List<String> wideTables = new ArrayList<>();
        for (Object t : (List<Object>) Json.parse((String) ((Map<String, Object>) tables.get("result")).get("value"))) {
            wideTables.add(String.valueOf(t));
        }
        String lang = (String) ((Map<String, Object>) call(session, "Runtime.evaluate", Map.of("returnByValue", true,
                "expression", "document.documentElement.lang")).get("result")).get("value");
        String visibleText = (String) ((Map<String, Object>) call(session, "Runtime.evaluate", Map.of("returnByValue",
                true, "expression", "document.body.innerText")).get("result")).get("value");

        Map<String, Object> metrics = call(session, "Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double pageWidth = num(content, "width");
        double pageHeight = num(content, "height");
        Map<String, Object> shot = call(session, "Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", pageWidth, "height", pageHeight, "scale", 1)));
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        Files.write(screenshot, Base64.getDecoder().decode((String) shot.get("data")));

        // Anything still queued happened during measurement: it counts too.
        events.drainTo(seen);
        call(null, "Target.closeTarget", Map.of("targetId", targetId));
        return PageRender.from(seen, session, charts, screenshot, pageWidth, pageHeight, wideTables, lang,
                visibleText == null ? "" : visibleText);
    }

    private static double num(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v instanceof Number ? ((Number) v).doubleValue() : 0;
    }

    private void waitForEvent(String session, String method, List<Map<String, Object>> seen)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            Map<String, Object> event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) {
                throw new TimeoutException("no " + method + " from Chromium within " + STEP_SECONDS + " s; stderr: "
                        + stderr);
            }
            seen.add(event);
            if (method.equals(event.get("method")) && session.equals(event.get("sessionId"))) {
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String session, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (socket) {
            socket.sendText(Json.write(message), true).get(STEP_SECONDS, TimeUnit.SECONDS);
        }
        Map<String, Object> response;
        try {
            response = reply.get(STEP_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no reply from Chromium to " + method + " within " + STEP_SECONDS
                    + " s; stderr: " + stderr);
        }
        if (response.get("error") != null) {
            throw new IllegalStateException("Chromium refused " + method + ": " + response.get("error"));
        }
        Object result = response.get("result");
        return result == null ? Map.of() : (Map<String, Object>) result;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            call(null, "Browser.close", Map.of());
        } catch (Exception e) {
            // The browser may already be closing; it is stopped below in any case.
        }
        socket.abort();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
        deleteTree(userDataDir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException | IOException e) {
            // Chromium may still be writing the profile as it exits; the temp dir is the test's anyway.
        }
    }

    private static void drain(InputStream in, StringBuffer log) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (log.length() < 64_000) {
                    log.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Map<String, Object> message = (Map<String, Object>) Json.parse(partial.toString());
                partial.setLength(0);
                Object id = message.get("id");
                if (id instanceof Number) {
                    CompletableFuture<Map<String, Object>> reply = pending.remove(((Number) id).intValue());
                    if (reply != null) {
                        reply.complete(message);
                    }
                } else {
                    events.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
