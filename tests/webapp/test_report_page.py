"""Report & history over real HTTP: the HTML and PDF as reviewed, the saved audits and what
changed since the previous one."""

from __future__ import annotations

import io

from pypdf import PdfReader

from footprint.models import Category
from footprint.report.i18n import catalogue
from tests.store_support import save_audit
from tests.webapp.data import NAME, findings
from tests.webapp.support import RunningApp


def test_report_as_reviewed_and_what_changed(app: RunningApp) -> None:
    store = app.state.store()
    first = findings()
    save_audit(store, NAME, first[:5])
    second = save_audit(store, NAME, first[1:])  # one result gone, two new
    store.set_label("https://oulu.example/laura", Category.NAMESAKE)
    session = app.session()

    page = session.get(app.url("/report?lang=en"), timeout=10).text
    assert page.count('<tr aria-current="true">') == 1 and f"<td>{second}</td>" in page
    changes = page.split('id="changes"')[1]
    assert "No longer found (1)" in changes and "New (2)" in changes
    assert "www.uusisuunta.fi/henkilosto" in changes  # the one gone

    html = session.get(app.url(f"/report/download?audit={second}&lang=en&format=html"),
                       timeout=60)  # fmt: skip
    assert html.status_code == 200 and html.headers["Content-Type"].startswith("text/html")
    assert html.headers["Content-Disposition"].startswith("attachment;")
    assert catalogue("en")["card"]["your_correction"] in html.text

    pdf = session.get(app.url(f"/report/download?audit={second}&lang=sv&format=pdf"),
                      timeout=120)  # fmt: skip
    assert pdf.headers["Content-Disposition"].endswith('-sv.pdf"')
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert catalogue("sv")["card"]["your_correction"] in text

    bad = session.get(app.url("/report/download?lang=de&format=pdf"), timeout=10)
    assert bad.status_code == 400
