"""A province-wide conference (306 invitees at 102 bridge sites): its invitations and sign-in sheet report
progress while the pages are laid out, and a cancel stops the layout where it is, leaving no file."""

import datetime as dt

import pytest
from reportlab.pdfgen.canvas import Canvas

from ptds_desktop.db.database import open_database
from ptds_desktop.errors import Cancelled
from ptds_desktop.exports.progress import write_with_progress
from ptds_desktop.services import conference_documents as docs
from ptds_desktop.services import conferences as conf
from ptds_desktop.services.offices import init_office
from tests.conference_fixtures import bridge_conference


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("province") / "p.db")
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province")
    with db.unit_of_work() as s:
        c = conf.create_conference(s, conf.ConferenceInput("Hội nghị trực tuyến toàn tỉnh",
                                                           dt.datetime(2026, 3, 12, 14), format="online"))
        assert bridge_conference(s, c.id, 102) == (102, 306)
        built = {"invitations": docs.build_invitations(s, c.id), "attendees": docs.build_attendees(s, c.id)}
    db.close()
    return built


@pytest.fixture
def pages(monkeypatch):
    """Pages the PDF renderer has finished so far."""
    finished = []
    show_page = Canvas.showPage

    def counted(self):
        finished.append(1)
        return show_page(self)

    monkeypatch.setattr(Canvas, "showPage", counted)
    return finished


@pytest.mark.parametrize("what", ["invitations", "attendees"])
def test_pdf_progress_follows_the_layout(documents, pages, tmp_path, what):
    document = documents[what]
    total = len(document.sections)
    reports = []
    write_with_progress(document, tmp_path / f"{what}.pdf", progress=lambda done, of, label: reports.append(
        (done, of, len(pages))))
    values = [done for done, _of, _pages in reports]
    assert values == sorted(set(values)) and values[-1] == total and len(values) == total + 1
    # Section k is reported as its first page begins, after the pages of the sections before it are done.
    for done, _of, finished in reports[:-1]:
        assert finished >= done
    assert {of for _done, of, _pages in reports} == {total}


@pytest.mark.parametrize(("what", "fmt"), [("invitations", "pdf"), ("attendees", "pdf"), ("invitations", "docx")])
def test_cancel_half_way_stops_the_layout_and_leaves_no_file(documents, pages, tmp_path, what, fmt):
    document = documents[what]
    half = len(document.sections) // 2
    target = tmp_path / f"{what}.{fmt}"
    reached = []
    with pytest.raises(Cancelled, match="Đã hủy xuất văn bản"):
        write_with_progress(document, target, progress=lambda done, of, label: reached.append(done),
                            is_cancelled=lambda: bool(reached) and reached[-1] >= half)
    assert reached[-1] == half  # nothing laid out past the section where the cancel was seen
    if fmt == "pdf":
        assert len(pages) <= half + 2  # pages of the sections before it, and no more
    assert not target.exists() and not target.with_name(target.name + ".part").exists()
    assert list(tmp_path.iterdir()) == []
