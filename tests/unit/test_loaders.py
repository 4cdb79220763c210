from pathlib import Path

import pytest

from assistant.rag.loaders import LoadError, html_to_markdown, load_file

LIMIT = 1_000_000


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: T\nlang: de\n---\n# T\nText\n", encoding="utf-8")
    loaded = load_file(path, LIMIT)
    assert loaded.meta == {"title": "T", "lang": "de"}
    assert loaded.text.startswith("# T") and loaded.first_line == 5


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"  \n", "empty"),
        ("binary.txt", b"\x00\x01\x02PK", "binary"),
        ("bad.md", b"---\ntitle: [unclosed\n---\nbody", "front-matter"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
        ("broken.docx", b"not a zip file at all", "DOCX"),
    ],
)
def test_bad_files_raise_a_clear_message(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError, match=message):
        load_file(path, LIMIT)


def test_oversized_file_names_the_setting(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    with pytest.raises(LoadError, match="TANDEM_MAX_UPLOAD_MB"):
        load_file(path, 1000)


def test_docx_headings_become_markdown(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Leitfaden", level=1)
    document.add_heading("Feedback", level=2)
    document.add_paragraph("Beschreiben Sie die Situation.")
    path = tmp_path / "guide.docx"
    document.save(str(path))
    text = load_file(path, LIMIT).text
    assert "# Leitfaden" in text and "## Feedback" in text and "Beschreiben Sie die Situation." in text


def test_pdf_pages_are_read(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for words in ("Open questions help.", "Reflection after sessions."):
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.cell(text=words)
    path = tmp_path / "guide.pdf"
    pdf.output(str(path))
    loaded = load_file(path, LIMIT)
    assert loaded.pages is not None and len(loaded.pages) == 2
    assert "Reflection" in loaded.pages[1]


def test_html_keeps_structure_and_drops_scripts() -> None:
    text = html_to_markdown("<nav>menu</nav><h2>Tipps</h2><ul><li><p>Eins</p></li></ul><script>x</script>")
    assert text == "## Tipps\n\n- Eins"
