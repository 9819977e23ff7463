"""Driving a real headless Chromium (Debian's chromium + chromedriver, through selenium; no
download): :func:`start_chromium` and :class:`Page`, which opens an HTML file and reports what the
browser saw (console messages, every network request, whether the drawing is stable).
Screenshots go to ``test-artifacts/`` (gitignored). Shared by the view tests and benchmarks."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_QUOTE = '<img src=y onerror="window.ckgPwned=1"><script>window.ckgPwned=2</script>'
XSS_IRI = "https://w3id.org/collabkg/id/organization/xss"


def chromium_args(user_data_dir: str) -> list[str]:
    return ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--disable-extensions", "--window-size=1400,1000",
            # any name lookup fails: nothing can leave the machine even if a page tried
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
            f"--user-data-dir={user_data_dir}"]


def start_chromium():
    """Start headless Chromium under chromedriver; return the selenium driver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="ckg-chromium-")
    for a in chromium_args(profile):
        options.add_argument(a)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.ckg_profile = profile  # a fresh profile per session, removed by stop_chromium()
    return driver


def stop_chromium(driver) -> None:
    """Quit the browser and remove its profile folder."""
    try:
        driver.quit()
    finally:
        shutil.rmtree(getattr(driver, "ckg_profile", ""), ignore_errors=True)


class Page:
    """One page opened in the browser, with what it logged and requested."""

    def __init__(self, driver, path: Path, timeout: float = 60.0):
        self.driver = driver
        driver.get("about:blank")
        driver.get_log("browser")
        driver.get_log("performance")  # drop what the start page did
        t0 = time.perf_counter()
        driver.get(Path(path).resolve().as_uri())
        self.stable = self.wait("return window.ckg && window.ckg.stable !== null", timeout)
        self.seconds = time.perf_counter() - t0
        self.console = driver.get_log("browser")
        events = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
        self.requests = [m["params"]["request"]["url"] for m in events if m["method"] == "Network.requestWillBeSent"]

    def wait(self, script: str, timeout: float = 30.0) -> bool:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            if self.driver.execute_script(script):
                return True
            time.sleep(0.05)
        return False

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def errors(self) -> list[dict]:
        return [e for e in self.console + self.driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not (u.startswith("file://") or u.startswith("data:"))]

    def drawn_pixels(self) -> int:
        """Non-background pixels of the vis-network canvas."""
        return self.js("""
            const c = document.querySelector('#mynetwork canvas');
            const ctx = c.getContext('2d');
            const d = ctx.getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 0; i < d.length; i += 4) {
              if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) n++;
            }
            return n;""")

    def click_canvas(self, x: float, y: float) -> None:
        """A real mouse click at a point of the drawing (DOM coordinates inside #mynetwork)."""
        left, top = self.js("const r = document.getElementById('mynetwork').getBoundingClientRect();"
                            "return [r.left, r.top];")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.driver.execute_cdp_cmd("Input.dispatchMouseEvent", {
                "type": kind, "x": left + x, "y": top + y, "button": "left", "clickCount": 1})
            time.sleep(0.05)

    def node_dom(self, node_id: str) -> tuple[float, float]:
        return tuple(self.js("const n = window.ckg.network; const p = n.getPositions([arguments[0]])[arguments[0]];"
                             "const d = n.canvasToDOM(p); return [d.x, d.y];", node_id))

    def popup(self) -> str:
        self.wait("const p = document.getElementById('ckg-details'); return p.style.display === 'block';", 5)
        return self.js("return document.getElementById('ckg-details').innerText")

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path


