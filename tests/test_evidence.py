"""The evidence log: a hostile page saved over real HTTP, kept in the store, exported with
checksums that verify (and that catch a changed file)."""

from __future__ import annotations

import hashlib
import json
import stat
import subprocess
from pathlib import Path

import pytest

from footprint.errors import ExitStatus, InputError
from footprint.evidence import capture, from_page, sha256
from footprint.evidence.package import files, verify
from footprint.store import Store
from tests.page_server import PageServer, Reply, html, redirect
from tests.store_support import cli

THREAT = html(
    "Laura Hietanen – tiedämme missä asut",
    "<h1>Sossu Laura Hietanen</h1><p>Tiedämme missä asut. Kuva alla.</p>"
    "<script>var x = 'not visible';</script>",
)


@pytest.fixture
def server() -> PageServer:
    with PageServer() as running:
        running.route("/uhkaus", Reply(body=THREAT))
        running.route("/vanha", redirect("/uhkaus"))
        yield running


def test_a_page_is_captured_as_it_was_with_its_checksums(
    server: PageServer, allow_loopback: None
) -> None:
    item = capture(server.url("/vanha"), note="uhkaus")
    assert item.final_url == server.url("/uhkaus") and item.http_status == 200
    assert item.html == THREAT.encode("utf-8")
    assert "Tiedämme missä asut" in item.text and "not visible" not in item.text
    assert item.sha256_html == hashlib.sha256(THREAT.encode("utf-8")).hexdigest()
    assert item.sha256_text == hashlib.sha256(item.text.encode("utf-8")).hexdigest()
    assert item.fetched_at.endswith("+00:00") and item.note == "uhkaus"


def test_private_addresses_are_refused_without_the_allowance(server: PageServer) -> None:
    with pytest.raises(InputError, match="not fetched"):
        capture(server.url("/uhkaus"))
    with pytest.raises(InputError, match="not a web address"):
        capture("file:///etc/passwd")


def test_add_list_export_and_verify(
    server: PageServer, allow_loopback: None, tmp_path: Path
) -> None:
    added = cli("evidence", "add", server.url("/uhkaus"), "--note", "uhkaus kuvan kera")
    assert added.exit_code == 0, added.output
    assert "Saved evidence 1" in added.stderr
    assert cli("evidence", "add", server.url("/vanha")).exit_code == 0

    listed = json.loads(cli("evidence", "list", "-f", "json").stdout)
    assert [row["id"] for row in listed] == [1, 2]
    assert listed[0]["sha256_html"] == sha256(THREAT)

    out = tmp_path / "paketti"
    exported = cli("evidence", "export", "-o", str(out), "--lang", "fi")
    assert exported.exit_code == 0, exported.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "001/page.html", "001/text.txt", "002/page.html", "002/text.txt",
        "README.txt", "SHA256SUMS", "manifest.json",
    ]  # fmt: skip
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in out.rglob("*") if p.is_file())
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["items"][0]["url"] == server.url("/uhkaus")
    assert manifest["items"][0]["files"]["001/page.html"] == sha256(THREAT)
    assert (out / "001" / "page.html").read_bytes() == THREAT.encode("utf-8")
    assert "sha256sum -c SHA256SUMS" in (out / "README.txt").read_text("utf-8")

    assert verify(out) == []
    assert cli("evidence", "verify", str(out)).exit_code == 0
    checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True)
    assert checked.returncode == 0, checked.stdout

    (out / "001" / "text.txt").write_text("muutettu", "utf-8")
    assert verify(out) == ["001/text.txt: changed since it was saved",
                           "001/text.txt: does not match the manifest"]  # fmt: skip
    failed = cli("evidence", "verify", str(out))
    assert failed.exit_code == 3 and "001/text.txt: changed" in failed.output

    again = cli("evidence", "export", "-o", str(out))
    assert again.exit_code == 8 and "not an empty folder" in again.output
    only = cli("evidence", "export", "-o", str(tmp_path / "one"), "--id", "2")
    assert only.exit_code == 0 and not (tmp_path / "one" / "002").exists()
    missing = cli("evidence", "export", "-o", str(tmp_path / "none"), "--id", "9")
    assert missing.exit_code == 3 and "no saved evidence with id 9" in missing.output


def test_a_stored_page_that_no_longer_matches_its_checksum_is_not_exported() -> None:
    item = from_page("https://x.example/a", "https://x.example/a", 200, "text/html", b"<p>a</p>")
    with Store.open() as store:
        saved = store.add_evidence(item)
        store.conn.execute("UPDATE evidence SET html = ? WHERE id = ?", (b"<p>b</p>", saved.id))
        store.conn.commit()
        tampered = store.evidence()
    with pytest.raises(InputError, match="no longer matches its checksum"):
        files(tampered, lang="en", generated="2026-12-02T08:00:00+00:00")


def test_nothing_to_export_and_forget_all_deletes_the_log(tmp_path: Path) -> None:
    empty = cli("evidence", "export", "-o", str(tmp_path / "x"))
    assert empty.exit_code == 3 and "no evidence saved yet" in empty.output
    with Store.open() as store:
        store.add_evidence(from_page("https://x.example/", "https://x.example/", 200, "", b""))
        store.forget_all()
        assert store.evidence() == []


def test_a_file_that_is_not_a_web_page_is_logged_with_a_warning(
    server: PageServer, allow_loopback: None
) -> None:
    server.route("/kuva.png", Reply(body=b"\x89PNG\r\n", content_type="image/png"))
    added = cli("evidence", "add", server.url("/kuva.png"))
    assert added.exit_code == 0, added.output
    assert "it is not a web page (image/png)" in added.stderr
    listed = json.loads(cli("evidence", "list", "-f", "json").stdout)
    assert listed[0]["sha256_html"] == sha256(b"")


def test_verify_reads_only_files_inside_the_package(tmp_path: Path) -> None:
    """A package handed over by someone else cannot make verify hash files outside it."""
    outside = tmp_path / "secret.txt"
    outside.write_text("not part of the package", "utf-8")
    package = tmp_path / "package"
    package.mkdir()
    (package / "link.txt").symlink_to(outside)
    lines = [f"{sha256(outside.read_bytes())}  ../secret.txt",
             f"{sha256(outside.read_bytes())}  {outside}",
             f"{sha256(outside.read_bytes())}  link.txt"]  # fmt: skip
    (package / "SHA256SUMS").write_text("\n".join(lines) + "\n", "utf-8")
    assert verify(package) == [
        "../secret.txt: not a file of this package",
        f"{outside}: not a file of this package",
        "link.txt: not a file of this package",
        "manifest.json: not the manifest footprint writes",
    ]


def test_verify_of_a_damaged_checksum_list_is_one_line(tmp_path: Path) -> None:
    """A SHA256SUMS that is not text (damaged, or made by someone else) is exit 3 naming
    the file, not a traceback; a folder without one says what to give instead."""
    package = tmp_path / "package"
    package.mkdir()
    (package / "SHA256SUMS").write_bytes(b"\xff\xfe\x00 not text")
    damaged = cli("evidence", "verify", str(package))
    assert damaged.exit_code == ExitStatus.INPUT, damaged.output
    assert "SHA256SUMS" in damaged.stderr and "UTF-8" in damaged.stderr
    assert len(damaged.stderr.strip().splitlines()) == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = cli("evidence", "verify", str(empty))
    assert missing.exit_code == ExitStatus.INPUT
    assert "evidence export" in missing.stderr
