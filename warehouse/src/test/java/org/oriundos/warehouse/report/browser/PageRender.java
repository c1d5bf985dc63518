package org.oriundos.warehouse.report.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Chromium reported while loading a page: console errors (console.error/assert, uncaught
 * exceptions, browser log errors such as blocked or missing resources), every request that left
 * the local file system, the charts as laid out, the tables too wide for the page (they scroll
 * sideways), the page's language and its text as the browser renders it (what a reader sees:
 * {@code innerText}, without what CSS hides).
 */
public record PageRender(List<String> consoleErrors, List<String> externalRequests, List<SvgChartBox> charts,
                         Path screenshot, double pageWidth, double pageHeight, List<String> tablesWiderThanThePage,
                         String language, String visibleText) {

    @SuppressWarnings("unchecked")
    static PageRender from(List<Map<String, Object>> events, String session, List<SvgChartBox> charts,
                           Path screenshot, double pageWidth, double pageHeight, List<String> wideTables,
                           String language, String visibleText) {
        List<String> errors = new ArrayList<>();
        List<String> external = new ArrayList<>();
        for (Map<String, Object> event : events) {
            if (!session.equals(event.get("sessionId"))) {
                continue;
            }
            Map<String, Object> params = (Map<String, Object>) event.getOrDefault("params", Map.of());
            switch (String.valueOf(event.get("method"))) {
                case "Runtime.consoleAPICalled" -> {
                    String type = String.valueOf(params.get("type"));
                    if (type.equals("error") || type.equals("assert")) {
                        errors.add("console." + type + ": " + params.get("args"));
                    }
                }
                case "Runtime.exceptionThrown" -> errors.add("uncaught exception: " + params.get("exceptionDetails"));
                case "Log.entryAdded" -> {
                    Map<String, Object> entry = (Map<String, Object>) params.get("entry");
                    if (entry != null && "error".equals(entry.get("level"))) {
                        errors.add(entry.get("source") + ": " + entry.get("text")
                                + (entry.get("url") == null ? "" : " (" + entry.get("url") + ")"));
                    }
                }
                case "Network.requestWillBeSent" -> {
                    Map<String, Object> request = (Map<String, Object>) params.get("request");
                    String url = request == null ? "" : String.valueOf(request.get("url"));
                    if (!url.startsWith("file:") && !url.startsWith("data:") && !url.startsWith("about:")) {
                        external.add(url);
                    }
                }
                case "Network.loadingFailed" -> errors.add("failed to load a resource: " + params.get("errorText"));
                default -> {
                }
            }
        }
        return new PageRender(List.copyOf(errors), List.copyOf(external), List.copyOf(charts), screenshot,
                pageWidth, pageHeight, List.copyOf(wideTables), language, visibleText);
    }
}
