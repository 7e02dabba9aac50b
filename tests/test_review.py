"""review: highlights (nested, crossing, hostile text) and the page in a real headless chromium."""

from __future__ import annotations

import base64
import html.parser
from pathlib import Path

import pytest

from cchc_extract.api import to_json
from cchc_extract.cli import main
from cchc_extract.review import build_page, highlighted_text, items_of

from .targetset_factory import PLAN_2024_TEXT, R, T, make_set, plan_2024

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

HOSTILE = """
IV. TỔ CHỨC THỰC HIỆN
Tỷ lệ hồ sơ theo Quyết định số 15/QĐ-UBND đạt 100% trong năm.
100% đơn vị đạt tỷ lệ hồ sơ đúng hạn từ trên 90%.
Bản tin web: tỷ lệ trực tuyến <b>97%</b> <script>window.pwned = 1</script>
<img src=x onerror="window.pwned = 2"> </pre></section><script>window.pwned = 3</script> &amp; "quotes"
"""
FILLER = "\n".join(f"{k}. Nội dung triển khai nhiệm vụ cải cách hành chính số {k} theo kế hoạch."
                   for k in range(1, 120))
TAIL = "\nV. KẾT LUẬN\nPhấn đấu tỷ lệ chuyển đổi số đạt 99% vào cuối năm.\n"


def review_set():
    """The 2024 plan plus hostile markup, nested and crossing spans, and a target far down the page."""
    base = plan_2024()
    text = PLAN_2024_TEXT + HOSTILE + FILLER + TAIL
    specs = [T(t.evidence, t.indicator, t.comparator, t.value, t.unit, kind=t.kind, value_max=t.value_max,
               year=t.year, section=t.section) for t in base.targets]
    specs += [
        # crossing: the target starts inside the reference and ends after it
        T("15/QĐ-UBND đạt 100%", "Tỷ lệ hồ sơ theo Quyết định", "eq", 100, year=2024),
        # nested, same start: the population count inside its target
        T("100% đơn vị", "Tỷ lệ đơn vị đạt tỷ lệ hồ sơ đúng hạn từ trên 90%", "eq", 100, role="population"),
        T("100% đơn vị đạt tỷ lệ hồ sơ đúng hạn từ trên 90%", "Tỷ lệ hồ sơ đúng hạn <b onmouseover=alert(1)>",
          "gt", 90),
        T("<b>97%</b>", "Tỷ lệ hồ sơ trực tuyến", "eq", 97, kind="result"),
        T("đạt 99%", "Tỷ lệ chuyển đổi số", "eq", 99, year=2024, section=["V"]),
    ]
    refs = [R("16/KH-UBND", "16/KH-UBND", "ke_hoach", "2023-03-03"),
            R("Quyết định số 15/QĐ-UBND", "15/QĐ-UBND", "quyet_dinh")]
    return make_set(text, specs, references=refs, path="ke-hoach-2024.txt", **base.document.model_dump())


class MarkCollector(html.parser.HTMLParser):
    """Rebuilds the text of each item from the marks of the page, and checks their balance."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.pieces: dict[str, list[str]] = {}
        self.in_pre = False
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "pre":
            self.in_pre = True
        elif tag == "mark":
            self.stack.append(attrs["data-i"])
            self.pieces.setdefault(attrs["data-i"], [])
        elif self.in_pre:
            raise AssertionError(f"unexpected <{tag}> inside the document text")

    def handle_endtag(self, tag):
        if tag == "pre":
            self.in_pre = False
        if tag == "mark":
            self.stack.pop()

    def handle_data(self, data):
        if self.in_pre:
            self.text.append(data)
            for i in set(self.stack):
                self.pieces[i].append(data)


def test_highlights_nest_split_and_escape():
    ts = review_set()
    items = items_of(ts)
    assert len(items) == len(ts.targets) + len(ts.references) == 16
    parser = MarkCollector()
    parser.feed(f"<pre>{highlighted_text(ts.text, items)}</pre>")
    assert parser.stack == []
    assert "".join(parser.text) == ts.text  # every character shown once, unchanged
    assert sorted(parser.pieces, key=int) == [str(i) for i in range(len(items))]
    for i, item in enumerate(items):
        assert "".join(parser.pieces[str(i)]) == ts.text[item.start:item.end]


def test_crossing_item_is_split_into_pieces_and_anchored_once():
    text = "Theo Quyết định số 15/QĐ-UBND đạt 100% nhé"
    ts = make_set(text, [T("15/QĐ-UBND đạt 100%", "x", "eq", 100)],
                  references=[R("Quyết định số 15/QĐ-UBND", "15/QĐ-UBND")])
    out = highlighted_text(ts.text, items_of(ts))
    assert out == ('Theo <mark class="hl k-reference" data-i="0" id="item-0">Quyết định số '
                   '<mark class="hl k-target" data-i="1" id="item-1">15/QĐ-UBND</mark></mark>'
                   '<mark class="hl k-target" data-i="1"> đạt 100%</mark> nhé')


def test_page_is_self_contained_and_inert():
    page = build_page(review_set())
    assert page == build_page(review_set())  # deterministic
    assert "<script>window.pwned" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "<b onmouseover" not in page and "&lt;b onmouseover=alert(1)&gt;" in page  # table cell
    data = page.split('<script type="application/json" id="items">')[1].split("</script>")[0]
    assert "<" not in data and ">" not in data
    assert page.count("<script") == 2 and "Content-Security-Policy" in page
    plain = build_page(plan_2024()).lower()  # the page itself refers to nothing outside it
    for needle in ("http:", "https:", "//", "src=", "href=", "@import", "url("):
        assert needle not in plain, needle


def test_cli_review(tmp_path, capsys):
    src = tmp_path / "ke-hoach-2024.json"
    src.write_text(to_json(review_set()), encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["review", str(src), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == build_page(review_set(), fallback_name="ke-hoach-2024.json")
    assert "16 highlight(s)" in capsys.readouterr().err
    assert main(["review", str(tmp_path / "nope.json"), "-o", str(out)]) == 2


# --- in a real browser -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from .cdp import Browser, find_chromium

    binary = find_chromium()
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium): review page not browser-tested")
    b = Browser(binary, tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield b
    finally:
        b.close()


def test_review_page_in_chromium(browser, tmp_path):
    ts = review_set()
    items = items_of(ts)
    page = tmp_path / "review.html"
    page.write_text(build_page(ts), encoding="utf-8")

    for domain in ("Page", "Runtime", "Log"):
        browser.send(f"{domain}.enable")
    browser.send("Emulation.setDeviceMetricsOverride", width=1366, height=820, deviceScaleFactor=1,
                 mobile=False)
    browser.send("Page.navigate", url=page.as_uri())
    browser.wait_event("Page.loadEventFired")

    # highlights: one per extracted item, each showing exactly its evidence
    distinct = "new Set([...document.querySelectorAll('#text mark.hl')].map(m => m.dataset.i)).size"
    assert browser.evaluate(distinct) == len(items) == 16
    shown = browser.evaluate("""(() => { const o = {};
        document.querySelectorAll('#text mark.hl').forEach(m => {
          o[m.dataset.i] = (o[m.dataset.i] || '') + m.textContent; });
        return o; })()""")
    expected = {i: ts.text[it.start:it.end] for i, it in enumerate(items)}
    assert {int(k): v for k, v in shown.items()} == expected
    assert browser.evaluate("document.getElementById('text').textContent") == ts.text
    # hostile text stayed text
    assert browser.evaluate("typeof window.pwned") == "undefined"
    assert browser.evaluate("document.scripts.length") == 2
    assert browser.evaluate("document.images.length") == 0
    assert browser.evaluate("document.querySelectorAll('#items-table tbody tr').length") == len(items)

    # clicking a row scrolls the text to its evidence
    last = len(items) - 1
    assert items[last].fields["evidence"] == "đạt 99%"
    assert browser.evaluate("document.querySelector('.text-pane').scrollTop") == 0
    browser.evaluate(f"document.querySelector('#items-table tbody tr[data-i=\"{last}\"]').click()")
    assert browser.evaluate("document.querySelector('.text-pane').scrollTop") > 500
    visible = browser.evaluate(f"""(() => {{
        const r = document.getElementById('item-{last}').getBoundingClientRect();
        const p = document.querySelector('.text-pane').getBoundingClientRect();
        return r.top >= p.top && r.bottom <= p.bottom; }})()""")
    assert visible
    assert browser.evaluate(f"document.getElementById('item-{last}').classList.contains('flash')")
    browser.evaluate("document.querySelector('.text-pane').scrollTop = 0")

    # sorting by value puts the numbers in order, and back again
    browser.evaluate("document.querySelectorAll('#items-table th')[3].click()")
    values = browser.evaluate("[...document.querySelectorAll('#items-table tbody tr')]"
                              ".map(r => r.cells[3].dataset.v).filter(v => v !== '').map(Number)")
    assert values == sorted(values) and len(values) == len(ts.targets)
    browser.evaluate("document.querySelectorAll('#items-table th')[3].click()")
    values = browser.evaluate("[...document.querySelectorAll('#items-table tbody tr')]"
                              ".map(r => r.cells[3].dataset.v).filter(v => v !== '').map(Number)")
    assert values == sorted(values, reverse=True)
    browser.evaluate("document.querySelectorAll('#items-table th')[0].click()")

    # hovering a highlight (a real mouse move) shows its fields
    target = next(i for i, it in enumerate(items) if it.fields.get("evidence") == "trên 97%")
    box = browser.evaluate("(() => { const r = document.getElementById('item-" + str(target) + "')"
                           ".getBoundingClientRect();"
                           " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    browser.send("Input.dispatchMouseEvent", type="mouseMoved", x=box[0], y=box[1])
    assert browser.evaluate("document.getElementById('tip').hidden") is False
    tip = browser.evaluate("document.getElementById('tip').textContent")
    assert "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn" in tip and "> 97" in tip

    ARTIFACTS.mkdir(exist_ok=True)
    shot = browser.send("Page.captureScreenshot", format="png")
    (ARTIFACTS / "review.png").write_bytes(base64.b64decode(shot["data"]))
    assert (ARTIFACTS / "review.png").stat().st_size > 10_000

    assert browser.errors() == []
