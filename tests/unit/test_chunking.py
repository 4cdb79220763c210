from assistant.rag.chunking import chunk_markdown, chunk_pages
from assistant.text.sentences import split_sentences

DOC = """# Guide
Intro paragraph.

## Feedback
### SBI
Situation first.

Behaviour second.

## Questions
Ask open questions.
"""


def test_sections_keep_their_path_and_lines() -> None:
    chunks = chunk_markdown(DOC, size=500, overlap=0, first_line=5)
    assert [(c.section, c.start_line) for c in chunks] == [
        ("Guide", 6),
        ("Feedback > SBI", 10),
        ("Questions", 15),
    ]
    assert chunks[1].text == "Situation first.\n\nBehaviour second."
    assert chunks[1].end_line == 12


def test_a_chunk_never_spans_two_sections() -> None:
    chunks = chunk_markdown(DOC, size=10_000, overlap=0)
    assert all("Ask open" not in c.text for c in chunks if c.section != "Questions")


def test_long_sections_split_near_size_with_overlap() -> None:
    body = " ".join(f"Sentence number {i} says something useful." for i in range(60))
    chunks = chunk_markdown(f"## Long\n{body}", size=300, overlap=80)
    assert len(chunks) > 5
    assert all(len(c.text) <= 300 + 80 + 2 for c in chunks)
    first_tail = split_sentences(chunks[0].text)[-1]
    assert chunks[1].text.startswith(first_tail)


def test_headings_inside_code_fences_are_text() -> None:
    chunks = chunk_markdown("## Real\n```\n# not a heading\n```\n", size=500, overlap=0)
    assert len(chunks) == 1 and "# not a heading" in chunks[0].text


def test_pages_keep_page_numbers() -> None:
    chunks = chunk_pages(["First page text.", "", "Third page text."], size=500, overlap=0)
    assert [(c.page, c.text) for c in chunks] == [(1, "First page text."), (3, "Third page text.")]
