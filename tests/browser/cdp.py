"""A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on fd 3,
answers and events on fd 4, each a JSON message ended by a NUL byte), with no library but Python's: open a page,
run a script in it, wait for what it sets, and keep every network request and console message it made."""
import fcntl
import json
import os
import queue
import subprocess
import threading
import time


class Browser:
    def __init__(self, chromium, profile):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def child():  # the pipe's ends at fds 3 and 4, where Chromium looks for them
            a = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "--host-resolver-rules=MAP * ~NOTFOUND",
             "--window-size=1200,1600", "about:blank"],
            preexec_fn=child, close_fds=False, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next = 0
        self._answers = queue.Queue()
        self.requests, self.problems = [], []  # every request's URL; console errors, exceptions, blocked loads
        threading.Thread(target=self._read, daemon=True).start()
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Network", "Runtime", "Log", "Page"):
            self.call(domain + ".enable", session=True)

    def _read(self):
        buf = b""
        while True:
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                self._answers.put(None)
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                m = json.loads(raw)
                if "id" in m:
                    self._answers.put(m)
                else:
                    self._event(m)

    def _event(self, m):
        p = m.get("params", {})
        if m["method"] == "Network.requestWillBeSent":
            self.requests.append(p["request"]["url"])
        elif m["method"] == "Runtime.exceptionThrown":
            self.problems.append("exception: " + json.dumps(p["exceptionDetails"])[:500])
        elif m["method"] == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
            self.problems.append("log: " + p["entry"]["text"])
        elif m["method"] == "Runtime.consoleAPICalled" and p["type"] in ("error", "warning", "assert"):
            self.problems.append("console: " + json.dumps(p["args"])[:500])

    def call(self, method, params=None, session=False, timeout=120):
        self._next += 1
        msg = {"id": self._next, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            m = self._answers.get(timeout=max(0.1, deadline - time.monotonic()))
            if m is None:
                raise RuntimeError("chromium closed its pipe")
            if m["id"] == self._next:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})

    def js(self, expression):
        """The value of a script run in the page (awaited when it is a promise)."""
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression[:80]}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def open(self, url):
        self.call("Page.navigate", {"url": url}, session=True)

    def wait(self, expression, timeout=120):
        """Until the script's value is truthy; that value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                v = self.js(expression)
            except RuntimeError:
                v = None
            if v:
                return v
            time.sleep(0.05)
        raise RuntimeError(f"waited {timeout} s for {expression}")

    def requests_but(self, url):
        """The requests made but the page's own (its file, whatever its fragment)."""
        return [u for u in self.requests if u.split("#")[0] != url]

    def screenshot(self, path):
        import base64
        data = self.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def finish(label, compared, problems, browser):
    """Each problem (the browser's console and exceptions among them), then the line the ctest entry looks for;
    the exit status."""
    problems = problems + [f"the browser said: {p}" for p in browser.problems]
    for p in problems:
        print("FAIL:", p)
    print(f"{label}{compared} comparisons, {len(problems)} problems")
    return 1 if problems else 0
