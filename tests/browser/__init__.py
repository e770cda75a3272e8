"""Real-browser accessibility tests (Debian's Chromium driven by Playwright)."""
