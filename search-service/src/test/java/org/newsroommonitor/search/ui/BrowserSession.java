package org.newsroommonitor.search.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Playwright driving Debian's Chromium (never a downloaded browser), one browser per test class, a fresh context
 * per test. A page records dialogs (alert/confirm), uncaught script errors and Content-Security-Policy violations,
 * so tests can assert none happened.
 */
final class BrowserSession implements AutoCloseable {

    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;

    private BrowserSession(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static BrowserSession launch(Path chromium) {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium)
                    .setHeadless(true)
                    .setArgs(ARGS));
            return new BrowserSession(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw new IllegalStateException("Chromium at " + chromium + " did not start under Playwright: " + e.getMessage(), e);
        }
    }

    /** A page in a new context (no shared cookies or storage), 1440x960, UTC, English. */
    Watched newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1440, 960)
                .setLocale("en-GB")
                .setTimezoneId("UTC"));
        Page page = context.newPage();
        Watched watched = new Watched(context, page);
        page.onDialog(dialog -> {
            watched.dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        page.onPageError(error -> watched.errors.add("page error: " + error));
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy") || message.text().contains("Content-Security-Policy")) {
                watched.errors.add("CSP: " + message.text());
            }
        });
        return watched;
    }

    /** A page and what it did that a test should never see. */
    record Watched(BrowserContext context, Page page, List<String> dialogs, List<String> errors) {
        Watched(BrowserContext context, Page page) {
            this(context, page, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
