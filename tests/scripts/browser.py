"""browser.py: headless Chromium driven over the DevTools protocol, from
python3's standard library only (no downloads, no driver).

Chromium is started with --remote-debugging-pipe: it reads protocol
messages (JSON, each ended by a NUL byte) on its fd 3 and writes its own on
fd 4. One page (target) is attached in flat mode; each page load records
the requests it made, the console messages and exceptions it logged, and
the navigation timing.

Used by test_report_browser.py; runnable on its own to take screenshots:
    python3 browser.py PAGE.html OUT_PREFIX
"""
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")

# As the machine's notes say: no sandbox (containers), no GPU, nothing
# fetched in the background, a fresh profile.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions", "--disable-default-apps",
         "--mute-audio", "--hide-scrollbars", "--remote-debugging-pipe"]

A4_WIDTH_PX = 794    # 210 mm at 96 px per inch
A4_HEIGHT_PX = 1123  # 297 mm
# Inside the margins of the report's @page rule (12 mm, 10 mm: cli/report.css).
A4_CONTENT_WIDTH_PX = 718   # 190 mm
A4_CONTENT_HEIGHT_PX = 1032  # 273 mm


def find_chromium():
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


class BrowserError(Exception):
    pass


class Browser:
    def __init__(self, binary=None, timeout=60):
        self.binary = binary or find_chromium()
        if self.binary is None:
            raise BrowserError("chromium is not installed")
        self.timeout = timeout
        # Not "oncorules-": test_rule_base_limits counts /tmp/oncorules-* (a
        # rule base must not write there) and may run beside this test.
        self.profile = tempfile.mkdtemp(prefix="report-browser-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # fds 3 and 4 of the child are its protocol pipe (copied out of
        # the way first, should the pipe itself be on 3 or 4).
        def child_fds():
            reads, writes = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(reads, 3)
            os.dup2(writes, 4)
        self.process = subprocess.Popen(
            [self.binary] + FLAGS + ["--user-data-dir=" + self.profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, preexec_fn=child_fds, pass_fds=(3, 4))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(domain + ".enable")
        # The network is off: a page that tried to load anything would
        # fail, and the attempt is still recorded (requestWillBeSent).
        self.call("Network.emulateNetworkConditions",
                  {"offline": True, "latency": 0, "downloadThroughput": -1,
                   "uploadThroughput": -1})

    # -- protocol --------------------------------------------------------
    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session is not None:
            message["sessionId"] = self.session
        data = json.dumps(message).encode() + b"\0"
        while data:
            n = os.write(self.to_chrome, data)
            data = data[n:]
        return self.next_id

    def receive(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("no answer from chromium in time")
            ready, _, _ = select.select([self.from_chrome], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.from_chrome, 1 << 20)
            if not chunk:
                raise BrowserError("chromium closed its protocol pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=True):
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + self.timeout
        while True:
            message = self.receive(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise BrowserError("%s: %s" % (method, message["error"]))
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, method, deadline):
        for i, event in enumerate(self.events):
            if event["method"] == method:
                return self.events.pop(i)
        while True:
            message = self.receive(deadline)
            if message.get("method") == method:
                return message
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise BrowserError("script failed: %s" % result["exceptionDetails"])
        return result["result"].get("value")

    # -- pages -----------------------------------------------------------
    def load(self, url, width=1280, height=900):
        """Loads `url` with the network off; returns what happened: the
        requests made, console errors, exceptions, and the timing."""
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1,
                   "mobile": False})
        self.call("Emulation.setEmulatedMedia", {"media": "screen"})
        self.events = []
        started = time.monotonic()
        self.call("Page.navigate", {"url": url})
        deadline = time.monotonic() + self.timeout
        self.wait_for("Page.loadEventFired", deadline)
        wall_ms = (time.monotonic() - started) * 1000
        # Let late console messages and requests arrive.
        self.evaluate("1")
        timing = self.evaluate(
            "(() => { const n = performance.getEntriesByType('navigation')[0];"
            " return {load: n.loadEventEnd, dom: n.domContentLoadedEventEnd,"
            " size: n.decodedBodySize}; })()")
        requests, errors = [], []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Network.requestWillBeSent":
                requests.append(params["request"]["url"])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append("console.%s: %s" % (params["type"], json.dumps(params.get("args"))))
            elif method == "Runtime.exceptionThrown":
                errors.append("exception: %s" % json.dumps(params.get("exceptionDetails")))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                errors.append("log: %s" % params["entry"].get("text"))
            elif method == "Page.javascriptDialogOpening":
                errors.append("dialog: %s" % params.get("message"))
        return {"requests": requests, "errors": errors, "load_ms": timing["load"],
                "dom_ms": timing["dom"], "wall_ms": wall_ms}

    def screenshot(self, path, width=1280, height=None, media="screen"):
        """A PNG of the page at `width` CSS pixels; `height` None: the whole
        page."""
        self.call("Emulation.setEmulatedMedia", {"media": media})
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height or 900, "deviceScaleFactor": 1,
                   "mobile": False})
        if height is None:
            height = int(self.evaluate("document.documentElement.scrollHeight"))
        shot = self.call("Page.captureScreenshot",
                         {"format": "png", "captureBeyondViewport": True,
                          "clip": {"x": 0, "y": 0, "width": width, "height": height,
                                   "scale": 1}})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        self.call("Emulation.setEmulatedMedia", {"media": "screen"})

    def pdf(self, path):
        """The page printed to PDF (A4, its own @page rules); the number of
        pages."""
        # Printed as printed: no emulated media left from a screenshot.
        self.call("Emulation.setEmulatedMedia", {"media": ""})
        data = self.call("Page.printToPDF", {"preferCSSPageSize": True,
                                             "printBackground": True})["data"]
        raw = base64.b64decode(data)
        with open(path, "wb") as f:
            f.write(raw)
        return raw.count(b"/Type /Page") - raw.count(b"/Type /Pages")

    def close(self):
        try:
            self.send("Browser.close", session=False)
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()
        for fd in (self.to_chrome, self.from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    page, prefix = sys.argv[1], sys.argv[2]
    b = Browser()
    try:
        print(b.load("file://" + os.path.abspath(page)))
        b.screenshot(prefix + "-desktop.png", 1280, 1000)
        b.screenshot(prefix + "-desktop-full.png", 1280)
        b.screenshot(prefix + "-a4.png", A4_WIDTH_PX, None, media="print")
        print("pdf pages:", b.pdf(prefix + ".pdf"))
    finally:
        b.close()


if __name__ == "__main__":
    main()
