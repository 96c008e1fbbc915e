#!/usr/bin/env python3
"""The real-browser test of `amanat serve`.

Headless Chromium (Debian's `chromium` and `chromium-driver`), driven by Selenium, does what a
mother would: opens the Russian home page, fills the form, attaches a photo, submits, writes down
the codename, comes back with it (typed in capitals, with extra spaces), reads the lawyer's reply
that was posted with the CLI, adds more, and gets a clear message for a wrong codename. It runs
the whole flow twice: with JavaScript enabled and with it disabled. The CLI then checks what the
vault holds. The JavaScript-enabled run saves a screenshot of every page under Docs/screenshots/.

    python3 Tests/Browser/browser_test.py --amanat .build/debug/amanat [--screenshots DIR] [--keep]

Exit status: 0 when everything passed, 1 when a step failed (the step and the page's visible text
are printed), 2 when Selenium, Chromium or chromedriver is missing (run `make deps-test`).
All the data is fictional.
"""

import argparse
import base64
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HINT = "run `make deps-test` (it installs chromium, chromium-driver and selenium)"

# What the pages must say (Sources/AmanatIntake/Pages/Strings.swift).
BAD_CODENAME_RU = "Эта кодовая фраза не подходит."
ADDED_TITLE_RU = "Добавлено"
ADDED_TEXT_RU = "Ваши новые сведения получены и зашифрованы."
CODENAME_TITLE_RU = "Ваш рассказ получен"
MAILBOX_TITLE_RU = "Ваш почтовый ящик"
CLOSED_TITLE_RU = "Почтовый ящик закрыт"
CLOSED_PROBLEM_RU = "Этот почтовый ящик закрыт"
EXPIRY_RU = "Если двенадцать месяцев вы ничего не добавляете"
HOME_TITLE_EN = "Tell us what happened"
# A page wider than a 390-px phone scrolls sideways there. Until the style sheet keeps the file chooser
# inside the screen (input[type=file]{max-width:100%}), this only warns; set True to make it fail.
PHONE_WIDTH_IS_STRICT = True

STATEMENT_RU = (
    "Мой брат Руслан Дзагоев вышел из дома в Назрани утром 3 февраля 2003 года, "
    "чтобы поехать на рынок. Около блокпоста на выезде из города его остановили люди в масках "
    "и увезли на белой машине без номеров. С тех пор мы ничего о нём не знаем.\n"
    "Соседи видели, как машина повернула в сторону Карабулака."
)
FOLLOW_UP_RU = "Вспомнила ещё: в тот день у блокпоста дежурил офицер, которого соседи называли «Рыжий»."
REPLY_RU = "Здравствуйте. Мы получили ваш рассказ и фотографию. Юрист свяжется с вами здесь в течение недели."


class StepFailed(Exception):
    pass


class Missing(Exception):
    pass


# A hidden detail a phone might write into a photo; the intake must remove it (ImageMetadata+PNG.swift).
PNG_SECRET = b"GPS 43.2257N 44.7645E"


# What exiftool must not find in the photos the vault gives back (and does find in what was sent).
IDENTIFYING_TAGS = ["GPSLatitude", "GPSLongitude", "Make", "Model", "SerialNumber", "DateTimeOriginal", "Comment", "Artist", "Location"]


def exif_tags(path):
    """The tag names exiftool finds in a file (without their group)."""
    result = subprocess.run(["exiftool", "-json", "-a", "-G1", str(path)], capture_output=True, text=True)
    if result.returncode != 0:
        raise Missing("exiftool failed or is missing: run `make deps-test`")
    return {key.split(":")[-1] for key in json.loads(result.stdout)[0]}


def dirty_jpeg(path):
    """A small JPEG (Pillow) into which exiftool writes a location, a camera and its serial, a time and names."""
    from PIL import Image
    Image.new("RGB", (32, 24), (90, 120, 140)).save(path, "JPEG", quality=85)
    subprocess.run(["exiftool", "-q", "-overwrite_original", "-GPSLatitude=43.2257", "-GPSLatitudeRef=N",
                    "-GPSLongitude=44.7645", "-GPSLongitudeRef=E", "-Make=Canon", "-Model=EOS R6", "-SerialNumber=SN48317720",
                    "-DateTimeOriginal=2024:03:08 10:00:00", "-Comment=Zaira, Alkhan-Kala", "-Artist=Madina", str(path)],
                   check=True, capture_output=True)


def tiny_png(width=16, height=16):
    """A small valid PNG (a calm blue-grey gradient), written with zlib and struct only, carrying a
    tEXt chunk with a place in it, as a phone's camera might."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"".join(bytes((40 + 8 * x, 80 + 4 * y, 110)) for x in range(width)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"tEXt", b"Location\x00" + PNG_SECRET) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def intake_key(init_output):
    """The administrator's public key from `amanat init`'s output: `amanat serve` trusts the vault against it."""
    match = re.search(r"^Intake public key: (amanat1[a-z0-9]+)$", init_output, re.M)
    if not match:
        raise StepFailed(f"`amanat init` printed no intake public key:\n{init_output}")
    return match.group(1)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_private(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(path, 0o600)


class Test:
    def __init__(self, args):
        self.args = args
        self.amanat = str(Path(args.amanat).resolve())
        self.shots = Path(args.screenshots).resolve() if args.screenshots else REPO / "Docs" / "screenshots"
        self.shooting = False
        self.dir = Path(tempfile.mkdtemp(prefix="amanat-browser-"))
        os.chmod(self.dir, 0o700)
        self.vault = self.dir / "vault"
        self.admin_pass = self.dir / "admin.pass"
        self.lawyer_pass = self.dir / "lawyer.pass"
        self.lawyer_id = self.dir / "lawyer.id"
        # Known vaults are remembered in the test's own folder, not in the user's configuration.
        self.env = dict(os.environ, AMANAT_TEST_WEAK_KEYS="1", XDG_CONFIG_HOME=str(self.dir / "config"))
        for name in ("AMANAT_PASSPHRASE", "AMANAT_NEW_PASSPHRASE", "AMANAT_CODENAME", "AMANAT_VAULT",
                     "AMANAT_ADMINISTRATOR_KEY"):
            self.env.pop(name, None)
        self.server = None
        self.server_log = None
        self.base = None
        self.driver = None
        self.step_name = "set-up"
        self.passed = 0

    # Steps and reporting

    def step(self, name):
        self.step_name = name

    def ok(self, detail=""):
        print(f"ok    {self.step_name}" + (f": {detail}" if detail else ""), flush=True)

    def check(self, condition, message):
        if not condition:
            raise StepFailed(message)

    # The CLI

    def cli(self, *arguments, expect=0):
        result = subprocess.run([self.amanat, *map(str, arguments)], env=self.env, cwd=self.dir,
                                capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        if result.returncode != expect:
            raise StepFailed(f"`amanat {' '.join(map(str, arguments))}` exited {result.returncode}, expected {expect}:\n"
                             f"{result.stdout}{result.stderr}")
        return result.stdout

    def inbox(self):
        return json.loads(self.cli("inbox", "--vault", self.vault, "--json"))

    # The server

    def start_server(self, *extra):
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        self.server_log = open(self.dir / "serve.log", "w+")
        self.server = subprocess.Popen([self.amanat, "serve", "--vault", str(self.vault), "--listen", f"127.0.0.1:{port}",
                                        "--administrator-key", self.admin_key, *extra],
                                       env=self.env, cwd=self.dir, stdin=subprocess.DEVNULL,
                                       stdout=self.server_log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise StepFailed(f"`amanat serve` exited with {self.server.returncode} before it answered")
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=2) as response:
                    if response.status == 200:
                        return port
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.2)
        raise StepFailed("GET /health did not answer 200 within 20 s")

    def stop_server(self):
        if self.server is None or self.server.poll() is not None:
            return
        self.server.terminate()
        try:
            self.server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()

    def server_log_tail(self):
        if self.server_log is None:
            return ""
        self.server_log.flush()
        self.server_log.seek(0)
        return "".join(self.server_log.readlines()[-20:])

    # The browser

    def open_browser(self, javascript):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        os.environ["SE_OFFLINE"] = "true"  # Debian's chromium and chromedriver only: Selenium Manager downloads nothing
        options = webdriver.ChromeOptions()
        options.binary_location = self.chromium
        options.add_argument("--headless=new")
        if os.geteuid() == 0:
            options.add_argument("--no-sandbox")
        options.add_argument("--disable-dev-shm-usage")
        options.add_argument("--window-size=1280,900")
        options.add_argument("--lang=ru")
        options.add_argument("--hide-scrollbars")
        options.add_argument("--no-first-run")
        options.add_argument("--disable-extensions")
        options.add_argument(f"--user-data-dir={self.dir / ('profile-js' if javascript else 'profile-nojs')}")
        prefs = {"intl.accept_languages": "ru-RU,ru"}
        if not javascript:
            prefs["profile.managed_default_content_settings.javascript"] = 2
        options.add_experimental_option("prefs", prefs)
        # Chromium on Linux takes its own language (the file chooser's "Выбрать файлы") from LANGUAGE;
        # Debian's chromium-l10n has the Russian strings.
        browser_env = dict(os.environ, LANGUAGE="ru", LANG="ru_RU.UTF-8")
        service = Service(executable_path=self.chromedriver, log_output=str(self.dir / "chromedriver.log"), env=browser_env)
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.set_page_load_timeout(60)

    def close_browser(self):
        if self.driver is not None:
            try:
                self.driver.quit()
            except Exception:
                pass
            self.driver = None

    def wait_for(self, css, timeout=60):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
        from selenium.webdriver.support import expected_conditions as EC
        from selenium.common.exceptions import WebDriverException
        # While a page is being replaced, chromedriver may answer with a transient inspector error: retry.
        return WebDriverWait(self.driver, timeout, ignored_exceptions=(WebDriverException,)).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, css)))

    def find(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def h1(self):
        return self.find("h1").text.strip()

    def submit_and_wait(self, form_css, then_css):
        """Clicks the form's button and waits until the next page (not the old one) shows `then_css`."""
        old = self.find("html")
        self.find(form_css + " button[type=submit]").click()
        from selenium.webdriver.support.ui import WebDriverWait
        from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

        def replaced(_driver):
            try:
                old.tag_name
                return False
            except StaleElementReferenceException:
                return True
            except WebDriverException:  # the page is changing under chromedriver: ask again
                return False

        WebDriverWait(self.driver, 90, poll_frequency=0.1).until(replaced)
        return self.wait_for(then_css)

    def page_checks(self):
        """Every page: no script in it, the document is complete, the language is declared."""
        source = self.driver.page_source
        self.check("<script" not in source.lower(), f"the page {self.driver.current_url} contains <script")
        self.check(self.find("html").get_attribute("lang") in ("ru", "en"), "the page declares no language")

    def screenshot(self, name, full_page=True):
        if not self.shooting:
            return
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / name
        data = None
        if full_page:
            try:
                metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
                size = metrics.get("cssContentSize") or metrics["contentSize"]
                # As wide as the screen shows (the visual viewport): a page wider than the screen is cut
                # off in the picture as it is on the phone; as tall as the whole page.
                viewport = metrics.get("cssVisualViewport") or metrics["visualViewport"]
                width = max(int(viewport["clientWidth"]), 1)
                height = max(int(size["height"]), int(viewport["clientHeight"]))
                shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True, "fromSurface": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
                data = base64.b64decode(shot["data"])
            except Exception as error:  # fall back to the viewport
                print(f"note  full-page screenshot failed ({error.__class__.__name__}); saving the viewport", flush=True)
        if data is None:
            data = self.driver.get_screenshot_as_png()
        path.write_bytes(data)
        self.check(data.startswith(b"\x89PNG"), f"{name} is not a PNG")

    # The flow

    def javascript_is(self, enabled):
        """Proves the setting took: a page script changes the title only when JavaScript runs."""
        self.driver.get("data:text/html;charset=utf-8,<title>off</title><body><script>document.title='on'</script></body>")
        time.sleep(0.3)
        state = self.driver.title
        self.check(state == ("on" if enabled else "off"), f"JavaScript should be {'on' if enabled else 'off'}, the page says {state!r}")

    def flow(self, javascript, run):
        from selenium.webdriver.common.by import By
        mode = "JavaScript on" if javascript else "JavaScript off"
        self.shooting = javascript
        tag = f"[{mode}]"
        photo = self.dir / f"photo-{run}.png"
        photo.write_bytes(tiny_png())
        camera = self.dir / f"camera-{run}.jpg"
        dirty_jpeg(camera)
        sent_tags = exif_tags(photo) | exif_tags(camera)
        self.check(all(tag in sent_tags for tag in IDENTIFYING_TAGS), f"the test photos lack some tags: {sorted(set(IDENTIFYING_TAGS) - sent_tags)}")
        before = {record["id"] for record in self.inbox()}

        self.step(f"{tag} start headless Chromium")
        self.open_browser(javascript)
        self.javascript_is(javascript)
        self.ok(self.driver.capabilities.get("browserVersion", ""))

        self.step(f"{tag} open /ru/")
        self.driver.get(self.base + "/ru/")
        self.wait_for("h1")
        self.page_checks()
        self.check(self.h1() == "Расскажите, что случилось", f"unexpected heading {self.h1()!r}")
        self.screenshot("01-home-ru.png")
        self.ok()

        self.step(f"{tag} follow the link to the submit form")
        self.find('a[href="/ru/submit"]').click()
        self.wait_for("form textarea#statement")
        self.page_checks()
        self.check(self.driver.current_url.endswith("/ru/submit"), f"landed on {self.driver.current_url}")
        self.screenshot("02-submit-form-ru.png")
        if self.shooting:
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
            time.sleep(0.3)
            metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
            page_width = metrics["cssContentSize"]["width"]
            if page_width > 390:
                message = f"on a 390-px phone the form is {page_width:.0f} px wide and scrolls sideways"
                if PHONE_WIDTH_IS_STRICT:
                    raise StepFailed(message)
                print(f"warn  {message}", flush=True)
            self.screenshot("03-submit-form-ru-phone.png")
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.ok()

        self.step(f"{tag} a refused form comes back with her words (the form cookie is gone, as after a long pause)")
        self.find("#statement").send_keys(STATEMENT_RU)
        self.find("#person1").send_keys("Руслан Дзагоев")
        self.find("#places").send_keys("Назрань\nблокпост на выезде на Карабулак")
        self.find("#files").send_keys(str(photo))
        self.driver.delete_all_cookies()
        self.submit_and_wait("form", "p.problem")
        self.page_checks()
        kept = self.find("#statement").get_attribute("value")
        self.check(kept == STATEMENT_RU.replace("\r\n", "\n"), f"the statement came back as {kept[:60]!r}…")
        self.check(self.find("#person1").get_attribute("value") == "Руслан Дзагоев", "the person's name was lost")
        self.check(self.find("#places").get_attribute("value") == "Назрань\nблокпост на выезде на Карабулак",
                   "the places were lost")
        self.check(photo.name in self.find("body").text, "the page does not name the photo to choose again")
        self.check(self.find("#files").get_attribute("value") == "", "a browser cannot be given files back")
        self.driver.get(self.base + "/ru/submit")
        self.wait_for("form textarea#statement")
        self.ok("statement, name and places kept; the photo named")

        self.step(f"{tag} fill the Russian form and attach a photo")
        self.find("#statement").send_keys(STATEMENT_RU)
        self.find("#person1").send_keys("Руслан Дзагоев")
        self.find("#relation1").send_keys("брат")
        self.find("#places").send_keys("Назрань\nблокпост на выезде на Карабулак")
        self.find("#dates").send_keys("3 февраля 2003")
        self.check(self.find("#contact").get_attribute("value") == "", "the contact field is not empty")
        self.find("#files").send_keys(str(photo) + "\n" + str(camera))
        self.check(self.find("#files").get_attribute("value").endswith(photo.name), "the files were not attached")
        self.ok(f"{photo.name} and {camera.name}, with a location, a camera, a time and names in them")

        self.step(f"{tag} submit and read the codename")
        codename_element = self.submit_and_wait("form", "p#codename")
        self.page_checks()
        self.check(self.h1() == CODENAME_TITLE_RU, f"unexpected heading {self.h1()!r}")
        codename = codename_element.text.strip()
        words = codename.split()
        self.check(len(words) == 8, f"the codename has {len(words)} words, not 8")
        self.check(all(re.fullmatch(r"[а-яё]+", word) for word in words), "the codename is not 8 Russian words")
        self.check(EXPIRY_RU in self.find("main").text, "the codename page does not say when an unused mailbox closes")
        self.screenshot("04-codename-ru.png")
        self.ok("8 Russian words, and the twelve months after which an unused mailbox closes")

        self.step(f"{tag} find the record with `amanat inbox --json`")
        new = [record for record in self.inbox() if record["id"] not in before]
        self.check(len(new) == 1 and new[0]["kind"] == "submission" and new[0]["language"] == "ru",
                   f"expected one new Russian submission, found {new}")
        record = new[0]["id"]
        self.ok(record[:8])

        self.step(f"{tag} create a case, assign the record, grant the lawyer, reply as the lawyer")
        title = self.dir / f"case-{run}.txt"
        title.write_text(f"Дзагоев Руслан, Назрань 2003 (проверка {run})\nЗаметки: тест браузера.\n", encoding="utf-8")
        created = self.cli("case", "new", "--vault", self.vault, "--passphrase-file", self.admin_pass, "--title-file", title)
        case = re.search(r"\b[0-9a-f]{32}\b", created)
        self.check(case is not None, f"no case id in {created!r}")
        case = case.group(0)
        self.cli("case", "assign", "--vault", self.vault, "--passphrase-file", self.admin_pass, case, record)
        key = json.loads(self.cli("identity", "show", self.lawyer_id, "--json"))["public_key"]
        self.cli("grant", case, "--vault", self.vault, "--passphrase-file", self.admin_pass, "--to", key, "--expires", "30d")
        reply = self.dir / f"reply-{run}.txt"
        reply.write_text(REPLY_RU + "\n", encoding="utf-8")
        self.cli("reply", record, "--vault", self.vault, "--identity", self.lawyer_id,
                 "--passphrase-file", self.lawyer_pass, "--text-file", reply)
        self.ok(f"case {case[:8]}")

        self.step(f"{tag} open /ru/return")
        self.driver.get(self.base + "/ru/return")
        self.wait_for("input#codename")
        self.page_checks()
        self.screenshot("05-return-ru.png")
        self.ok()

        self.step(f"{tag} type the codename in capitals with extra spaces and open the mailbox")
        if javascript:
            typed = "  " + "   ".join(word.upper() for word in words) + "  "
        else:  # the first four letters are enough
            typed = "  " + "    ".join(word[:4].upper() for word in words) + " "
        self.find("input#codename").send_keys(typed)
        self.submit_and_wait("form", "h1")
        self.page_checks()
        self.check(self.h1() == MAILBOX_TITLE_RU, f"unexpected heading {self.h1()!r}")
        replies = [element.text for element in self.driver.find_elements(By.CSS_SELECTOR, "article.reply")]
        self.check(len(replies) == 1 and REPLY_RU in replies[0], f"the reply is not on the page: {replies}")
        self.screenshot("06-mailbox-ru.png")
        self.ok("the lawyer's reply is shown")

        self.step(f"{tag} add more through the follow-up form")
        self.find("form textarea#statement").send_keys(FOLLOW_UP_RU)
        self.submit_and_wait("form", "h1")
        self.page_checks()
        self.check(self.h1() == ADDED_TITLE_RU and ADDED_TEXT_RU in self.find("main").text,
                   f"not the \"added\" page: {self.h1()!r}")
        self.screenshot("07-added-ru.png")
        self.ok()

        self.step(f"{tag} a wrong codename is refused in Russian")
        self.driver.get(self.base + "/ru/return")
        self.wait_for("input#codename")
        wrong = " ".join(words[1:] + words[:1])  # well formed, but not this mailbox
        self.find("input#codename").send_keys(wrong)
        problem = self.submit_and_wait("form", "p.problem")
        self.page_checks()
        self.check(BAD_CODENAME_RU in problem.text, f"unexpected message {problem.text!r}")
        self.check(self.find("input#codename").get_attribute("value") == "", "the refused codename is shown again")
        self.screenshot("08-wrong-codename-ru.png")
        self.ok()

        self.step(f"{tag} close the mailbox from its page; the codename then opens nothing")
        self.driver.get(self.base + "/ru/return")
        self.wait_for("input#codename")
        self.find("input#codename").send_keys(" ".join(words))
        self.submit_and_wait("form", "h1")
        self.check(self.h1() == MAILBOX_TITLE_RU, f"unexpected heading {self.h1()!r}")
        self.find("form[action$='/close'] input[name=understood]").click()
        self.submit_and_wait("form[action$='/close']", "h1")
        self.page_checks()
        self.check(self.h1() == CLOSED_TITLE_RU, f"not the \"closed\" page: {self.h1()!r}")
        self.screenshot("10-mailbox-closed-ru.png")
        self.driver.get(self.base + "/ru/return")
        self.wait_for("input#codename")
        self.find("input#codename").send_keys(" ".join(words))
        problem = self.submit_and_wait("form", "p.problem")
        self.check(CLOSED_PROBLEM_RU in problem.text, f"unexpected message {problem.text!r}")
        self.ok("its reply deleted; the codename is told the mailbox was closed")

        if javascript:
            self.step(f"{tag} the language switch leads to the English home")
            self.driver.get(self.base + "/ru/")
            self.wait_for("a.lang")
            self.find("a.lang").click()
            self.wait_for("h1")
            self.page_checks()
            self.check(self.h1() == HOME_TITLE_EN and self.driver.current_url.endswith("/en/"),
                       f"unexpected {self.driver.current_url} {self.h1()!r}")
            self.screenshot("09-home-en.png")
            self.ok()

        self.close_browser()

        self.step(f"{tag} the vault holds the submission and the follow-up, and the photo opens")
        new = [r for r in self.inbox() if r["id"] not in before]
        kinds = sorted(r["kind"] for r in new)
        self.check(len(new) == 2 and kinds == ["follow-up", "submission"], f"expected a submission and a follow-up, found {kinds}")
        files = self.dir / f"files-{run}"
        opened = json.loads(self.cli("read", record, "--vault", self.vault, "--passphrase-file", self.admin_pass,
                                     "--json", "--out", files))
        # Browsers send a textarea's line breaks as CRLF (HTML's form encoding); compare the text, not the line ends.
        self.check(opened["statement"].replace("\r\n", "\n").strip() == STATEMENT_RU.strip(), "the statement differs from what was typed")
        self.check(opened["people"] == [{"name": "Руслан Дзагоев", "role": "брат"}], f"people: {opened['people']}")
        self.check(opened["places"] == ["Назрань", "блокпост на выезде на Карабулак"], f"places: {opened['places']}")
        self.check(opened["dates"] == ["3 февраля 2003"] and opened.get("contact", "") == "", "dates or contact differ")
        self.check(sorted(a["name"] for a in opened["attachments"]) == sorted([photo.name, camera.name]),
                   f"attachments: {opened['attachments']}")
        from PIL import Image
        for attachment in opened["attachments"]:
            saved = Path(attachment["saved_as"])
            saved = saved if saved.is_absolute() else self.dir / saved
            self.check(saved.is_file(), f"{saved} was not saved")
            left = sorted(set(IDENTIFYING_TAGS) & exif_tags(saved))
            self.check(not left, f"exiftool still finds {left} in {attachment['name']}")
            self.check(PNG_SECRET not in saved.read_bytes(), "a photo still carries its hidden location")
            with Image.open(saved) as image:  # the photo still decodes
                image.load()
                self.check(image.format in ("PNG", "JPEG"), f"{saved} does not decode as a photo")
        follow_up = next(r["id"] for r in new if r["kind"] == "follow-up")
        added = json.loads(self.cli("read", follow_up, "--vault", self.vault, "--passphrase-file", self.admin_pass, "--json"))
        self.check(added["statement"].strip() == FOLLOW_UP_RU, "the follow-up's text differs")
        self.ok("both photos decode; exiftool finds no location, camera, time or name in them")
        self.passed += 1

    def raw_pages(self):
        """The pages as the server sends them, without a browser: never a script."""
        self.step("no page the server sends has a script")
        for path in ("/", "/ru/", "/en/", "/ru/submit", "/en/submit", "/ru/return", "/en/return"):
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                body = response.read().decode("utf-8")
                self.check(response.status == 200, f"GET {path}: {response.status}")
                self.check("<script" not in body.lower(), f"GET {path} contains <script")
                self.check("text/html" in response.headers.get("Content-Type", ""), f"GET {path} is not HTML")
        self.ok("7 pages")

    def run(self):
        self.step("check for chromium, chromedriver and selenium")
        try:
            import selenium  # noqa: F401
        except ImportError:
            raise Missing("selenium is not installed")
        self.chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        self.chromedriver = "/usr/bin/chromedriver" if os.access("/usr/bin/chromedriver", os.X_OK) else shutil.which("chromedriver")
        if not self.chromium or not self.chromedriver:
            raise Missing("chromium or chromedriver is not installed")
        if not os.access(self.amanat, os.X_OK):
            raise StepFailed(f"{self.amanat} is not an executable; build it first")
        self.ok(f"selenium {selenium.__version__}")

        self.step("create a vault and a lawyer's identity")
        write_private(self.admin_pass, "тест администратора: река гора облако\n")
        write_private(self.lawyer_pass, "тест юриста: море степь ветер\n")
        created = self.cli("init", "--vault", self.vault, "--passphrase-file", self.admin_pass)
        self.admin_key = intake_key(created)
        self.cli("identity", "new", "--out", self.lawyer_id, "--passphrase-file", self.lawyer_pass)
        self.ok()

        self.step("start `amanat serve`")
        port = self.start_server()
        self.ok(f"127.0.0.1:{port}")
        self.raw_pages()
        self.flow(javascript=True, run=1)
        self.flow(javascript=False, run=2)
        self.stop_server()
        self.step("start `amanat serve` again, allowed one request at a time, for the busy page")
        port = self.start_server("--max-requests", "1", "--upload-grace", "60", "--min-upload-rate", "1")
        self.ok(f"127.0.0.1:{port}")
        for javascript in (True, False):
            self.busy_page(javascript)

    def busy_page(self, javascript):
        """While another upload holds the only request slot, her form comes back filled, and nothing is stored."""
        tag = "[js]" if javascript else "[no js]"
        self.step(f"{tag} while the server is busy, a sent form comes back with her words and nothing is stored")
        before = len(self.inbox())
        self.open_browser(javascript)
        try:
            self.driver.get(self.base + "/ru/submit")
            self.wait_for("form textarea#statement")
            self.find("#statement").send_keys(STATEMENT_RU)
            self.find("#person1").send_keys("Руслан Дзагоев")
            self.find("#places").send_keys("Назрань")
            # Another visitor's slow upload takes the only request slot (headers, then a trickle of its body).
            holder = socket.create_connection(("127.0.0.1", int(self.base.rsplit(":", 1)[1])), timeout=10)
            try:
                holder.sendall(b"POST /ru/submit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
                               b"boundary=x\r\nContent-Length: 1000000\r\n\r\n--x\r\n")
                deadline = time.monotonic() + 10
                busy = False
                while time.monotonic() < deadline and not busy:
                    holder.sendall(b"a")
                    try:
                        urllib.request.urlopen(self.base + "/health", timeout=2).close()
                    except urllib.error.HTTPError as error:
                        busy = error.code == 503
                    time.sleep(0.2)
                self.check(busy, "the slow upload did not take the request slot")
                self.submit_and_wait("form", "p.problem")
                self.page_checks()
                kept = self.find("#statement").get_attribute("value")
                self.check(kept == STATEMENT_RU.replace("\r\n", "\n"), f"the statement came back as {kept[:60]!r}…")
                self.check(self.find("#person1").get_attribute("value") == "Руслан Дзагоев", "the name was lost")
                self.check(self.find("#places").get_attribute("value") == "Назрань", "the places were lost")
                problem = self.find("p.problem").text
                self.check("отправок" in problem and "не сохранено" in problem.lower(),
                           f"the busy sentence is missing or not in Russian: {problem!r}")
            finally:
                holder.close()
            self.check(len(self.inbox()) == before, "a busy refusal stored something")
        finally:
            self.close_browser()
        self.ok("statement, name and places kept; nothing stored")

    def visible_text(self):
        if self.driver is None:
            return ""
        try:
            return f"{self.driver.current_url}\n{self.find('body').text}"
        except Exception as error:
            return f"(the page could not be read: {error.__class__.__name__})"


def main():
    parser = argparse.ArgumentParser(description="The real-browser test of `amanat serve` (headless Chromium, Selenium).")
    parser.add_argument("--amanat", required=True, help="the built amanat binary")
    parser.add_argument("--screenshots", help="where to save the screenshots (default: Docs/screenshots in this checkout)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (vault, logs) for debugging")
    args = parser.parse_args()

    started = time.monotonic()
    test = Test(args)
    status = 1
    try:
        test.run()
        status = 0
    except Missing as missing:
        print(f"browser test: {missing}; {HINT}", file=sys.stderr)
        status = 2
    except Exception as error:
        print(f"FAIL  {test.step_name}", flush=True)
        print(f"      {error.__class__.__name__}: {str(error).strip()}", flush=True)
        text = test.visible_text()
        if text:
            print("----- the page's visible text -----\n" + text + "\n-----------------------------------")
        log = test.server_log_tail()
        if log:
            print("----- the last lines of `amanat serve` -----\n" + log + "--------------------------------------------")
    finally:
        test.close_browser()
        test.stop_server()
        if test.server_log is not None:
            test.server_log.close()
        if args.keep:
            print(f"kept {test.dir}")
        else:
            shutil.rmtree(test.dir, ignore_errors=True)
    if status != 2:
        seconds = time.monotonic() - started
        print(f"browser test took {seconds:.0f} s; screenshots in {test.shots}")
        print(f"browser: {test.passed} passed, {1 if status else 0} failed")
    return status


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    sys.exit(main())
